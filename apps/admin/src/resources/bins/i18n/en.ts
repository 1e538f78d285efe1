export const binsEn = {
  name: 'Bin |||| Bins',
  fields: {
    id: 'ID',
    warehouseId: 'Warehouse',
    code: 'Bin',
    zone: 'Zone',
    aisle: 'Aisle',
    bay: 'Bay',
    level: 'Level',
    sequence: 'Walk order',
    active: 'Active',
    createdAt: 'Created',
    updatedAt: 'Updated',
  },
  actions: {
    create: 'Add bin',
    edit: 'Edit bin',
  },
  dialog: {
    create_title: 'New bin in %{warehouse}',
    edit_title: 'Edit bin %{code}',
  },
  helpers: {
    sequence: 'Pickers walk the bins from the lowest number up; leave gaps (10, 20 …) to insert bins later.',
    active: 'An inactive bin takes no new stock; it must be empty before it is deactivated.',
  },
  walk_hint: 'Bins in walking order, the order pick lists walk them. Open a bin to see what it holds.',
  none: 'This warehouse has no bins yet.',
  empty_bin: 'This bin is empty.',
  validation: {
    zone: '1-4 capital letters or digits, e.g. A.',
    digits3: '1-3 digits, e.g. 01.',
    digits2: '1-2 digits, e.g. 1.',
    integer: 'Whole numbers only.',
  },
  notifications: {
    created: 'Bin %{code} added.',
    saved: 'Bin %{code} saved.',
  },
};
