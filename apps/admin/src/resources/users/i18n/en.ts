export const usersEn = {
  name: 'User |||| Users',
  fields: {
    id: 'ID',
    email: 'Email',
    name: 'Name',
    active: 'Active',
    locale: 'Language',
    roleIds: 'Roles',
    roleId: 'Role',
    warehouseIds: 'Warehouse IDs',
    channelIds: 'Sales channel IDs',
    lastSignInAt: 'Last sign-in',
    signInCount: 'Sign-ins',
    lockedUntil: 'Locked until',
    createdAt: 'Created',
    updatedAt: 'Updated',
    password: 'Password',
    q: 'Search',
  },
  locales: {
    en: 'English',
    'zh-CN': 'Simplified Chinese',
  },
  statuses: {
    locked: 'Locked',
    disabled: 'Disabled',
  },
  helpers: {
    warehouseIds:
      'Rules using ${user.warehouseIds} match only these warehouses. Paste an ID and press Enter; leave empty for none.',
    channelIds:
      'Rules using ${user.channelIds} match only these sales channels. Paste an ID and press Enter; leave empty for none.',
    active: 'A disabled user cannot sign in.',
  },
  actions: {
    reset_password: 'Reset password',
    reset_password_title: 'New password for %{name}',
    reset_password_body:
      'The user signs in with this password from now on, and all their sessions end at once. Give it to them through a safe channel.',
    reset_password_confirm: 'Set password',
    unlock: 'Unlock',
    unlock_hint: 'Sign-ins are refused until %{date} after too many failed attempts.',
  },
  notifications: {
    password_reset: 'New password set for %{name}.',
    reset_failed: 'The password was not changed: %{error}',
    unlocked: '%{name} can sign in again.',
    unlock_failed: 'Could not unlock: %{error}',
  },
  sections: {
    account: 'Account',
    access: 'Roles and data scope',
    activity: 'Sign-in activity',
  },
};
