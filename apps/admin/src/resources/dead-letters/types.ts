export const DEAD_LETTER_STATUSES = ['failed', 'replayed', 'resolved'] as const;

export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** An event a handler could not process after all its retries (`GET /api/dead-letters`). */
export interface DeadLetter {
  id: string;
  eventId: string;
  eventType: string;
  handler: string;
  error: string;
  attempts: number;
  payload: unknown;
  status: DeadLetterStatus;
  /** How many times an operator replayed it. */
  replayCount: number;
  /** What an operator did about it. */
  note: string | null;
  firstFailedAt: string;
  lastFailedAt: string;
  replayedAt: string | null;
}
