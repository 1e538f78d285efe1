export const deadLettersEn = {
  name: 'Dead letter |||| Dead letters',
  fields: {
    id: 'ID',
    eventId: 'Event ID',
    eventType: 'Event type',
    handler: 'Handler',
    error: 'Error',
    attempts: 'Attempts',
    payload: 'Payload',
    status: 'Status',
    firstFailedAt: 'First failed',
    lastFailedAt: 'Last failed',
    replayedAt: 'Replayed',
    replayCount: 'Replays',
    note: 'Note',
    q: 'Search',
  },
  statuses: {
    failed: 'Failed',
    replayed: 'Replayed',
    resolved: 'Resolved',
  },
  actions: {
    replay: 'Replay',
    replay_hint: 'Hand the event to its handler again',
    not_replayable_hint: 'Only failed events can be replayed',
  },
  notifications: {
    replayed: 'Event handed to %{handler} again.',
    replay_failed: 'Replay failed: %{error}',
  },
  sections: {
    summary: 'Summary',
    error: 'Error',
    payload: 'Payload',
    note: 'Note',
  },
  empty: {
    title: 'No dead letters',
    body: 'Every event reached its handlers. An event whose handler still fails after all its retries shows up here, where you can inspect it and replay it.',
  },
};
