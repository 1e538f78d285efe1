import type { binsEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const binsZhCN: Messages<typeof binsEn> = {
  name: '库位',
  fields: {
    id: 'ID',
    warehouseId: '仓库',
    code: '库位',
    zone: '库区',
    aisle: '巷道',
    bay: '货架',
    level: '层',
    sequence: '拣货顺序',
    active: '启用',
    createdAt: '创建时间',
    updatedAt: '更新时间',
  },
  actions: {
    create: '新增库位',
    edit: '编辑库位',
  },
  dialog: {
    create_title: '在 %{warehouse} 新增库位',
    edit_title: '编辑库位 %{code}',
  },
  helpers: {
    sequence: '拣货员按数值从小到大依次经过各库位；建议留出间隔（10、20……）以便日后插入。',
    active: '停用的库位不再接收新库存；停用前须先清空。',
  },
  walk_hint: '库位按拣货路线排列，拣货单将按此顺序走位。展开库位可查看其中的库存。',
  none: '该仓库还没有库位。',
  empty_bin: '该库位为空。',
  validation: {
    zone: '1-4 位大写字母或数字，例如 A。',
    digits3: '1-3 位数字，例如 01。',
    digits2: '1-2 位数字，例如 1。',
    integer: '请输入整数。',
  },
  notifications: {
    created: '库位 %{code} 已新增。',
    saved: '库位 %{code} 已保存。',
  },
};
