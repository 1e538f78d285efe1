import type { usersEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const usersZhCN: Messages<typeof usersEn> = {
  name: '用户',
  fields: {
    id: 'ID',
    email: '邮箱',
    name: '姓名',
    active: '启用',
    locale: '界面语言',
    roleIds: '角色',
    roleId: '角色',
    warehouseIds: '仓库 ID',
    channelIds: '销售渠道 ID',
    lastSignInAt: '最近登录',
    signInCount: '登录次数',
    lockedUntil: '锁定至',
    createdAt: '创建时间',
    updatedAt: '更新时间',
    password: '密码',
    q: '搜索',
  },
  locales: {
    en: '英语',
    'zh-CN': '简体中文',
  },
  statuses: {
    locked: '已锁定',
    disabled: '已停用',
  },
  helpers: {
    warehouseIds: '使用 ${user.warehouseIds} 的规则只匹配这里列出的仓库。粘贴 ID 后按回车；留空表示没有。',
    channelIds: '使用 ${user.channelIds} 的规则只匹配这里列出的销售渠道。粘贴 ID 后按回车；留空表示没有。',
    active: '停用的用户无法登录。',
  },
  actions: {
    reset_password: '重置密码',
    reset_password_title: '为 %{name} 设置新密码',
    reset_password_body: '该用户此后须使用新密码登录，其所有登录会话将立即结束。请通过安全的方式将新密码告知对方。',
    reset_password_confirm: '设置密码',
    unlock: '解除锁定',
    unlock_hint: '由于登录失败次数过多，%{date} 之前将拒绝其登录。',
  },
  notifications: {
    password_reset: '已为 %{name} 设置新密码。',
    reset_failed: '密码未修改：%{error}',
    unlocked: '%{name} 已可重新登录。',
    unlock_failed: '解除锁定失败：%{error}',
  },
  sections: {
    account: '账号',
    access: '角色与数据范围',
    activity: '登录情况',
  },
};
