import type { auditLogsEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const auditLogsZhCN: Messages<typeof auditLogsEn> = {
  name: '审计日志',
  fields: {
    id: 'ID',
    at: '时间',
    actorId: '操作人 ID',
    actorEmail: '操作人',
    ip: 'IP 地址',
    userAgent: '客户端',
    action: '操作',
    entityType: '对象类型',
    entityId: '对象 ID',
    outcome: '结果',
    before: '修改前',
    after: '修改后',
    changes: '变更',
    details: '详情',
    requestId: '请求 ID',
    q: '搜索',
    at_gte: '开始时间',
    at_lte: '结束时间',
  },
  outcomes: {
    success: '成功',
    denied: '已拒绝',
    failed: '失败',
  },
  actions: {
    user: {
      create: '新建用户',
      update: '修改用户',
      delete: '删除用户',
      reset_password: '重置密码',
      unlock: '解除锁定',
      change_password: '修改本人密码',
    },
    role: {
      create: '新建角色',
      update: '修改角色',
      delete: '删除角色',
    },
    auth: {
      login: '登录',
      login_failed: '登录失败',
      locked: '登录已锁定',
      logout: '退出登录',
    },
    access: {
      denied: '拒绝访问',
    },
    dead_letter: {
      update: '修改死信事件',
      delete: '删除死信事件',
      replay: '重新投递死信事件',
    },
  },
  diff: {
    field: '字段',
    before: '修改前',
    after: '修改后',
    none: '没有字段变更。',
    empty_value: '（空）',
  },
  sections: {
    summary: '概要',
    changes: '变更内容',
    snapshots: '修改前后的记录',
    details: '详情',
  },
  empty: {
    title: '暂无审计日志',
    body: '登录、用户和角色的变更、被拒绝的操作以及重新投递都会记录在这里。',
  },
};
