import type { deadLettersEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const deadLettersZhCN: Messages<typeof deadLettersEn> = {
  name: '死信事件',
  fields: {
    id: 'ID',
    eventId: '事件 ID',
    eventType: '事件类型',
    handler: '处理程序',
    error: '错误信息',
    attempts: '尝试次数',
    payload: '事件内容',
    status: '状态',
    firstFailedAt: '首次失败时间',
    lastFailedAt: '最近失败时间',
    replayedAt: '重新投递时间',
    replayCount: '重新投递次数',
    note: '备注',
    q: '搜索',
  },
  statuses: {
    failed: '失败',
    replayed: '已重新投递',
    resolved: '已处理',
  },
  actions: {
    replay: '重新投递',
    replay_hint: '将该事件再次交给其处理程序',
    not_replayable_hint: '只有失败状态的事件才能重新投递',
  },
  notifications: {
    replayed: '事件已重新交给 %{handler} 处理。',
    replay_failed: '重新投递失败：%{error}',
  },
  sections: {
    summary: '概要',
    error: '错误信息',
    payload: '事件内容',
    note: '备注',
  },
  empty: {
    title: '没有死信事件',
    body: '所有事件都已送达处理程序。处理程序在全部重试后仍失败的事件会出现在这里，可在此查看并重新投递。',
  },
};
