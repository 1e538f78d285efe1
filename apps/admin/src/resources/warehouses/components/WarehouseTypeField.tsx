import { StatusChip, type StatusChipMap } from '../../../components/StatusChip';
import { WAREHOUSE_TYPES, type WarehouseType } from '../types';

export const TYPE_CHIPS: StatusChipMap<WarehouseType> = {
  physical: { color: 'primary', label: 'resources.warehouses.types.physical' },
  virtual: { color: 'secondary', label: 'resources.warehouses.types.virtual' },
  third_party: { color: 'default', label: 'resources.warehouses.types.third_party' },
};

export const TYPE_CHOICES = WAREHOUSE_TYPES.map((type) => ({ id: type, name: TYPE_CHIPS[type].label }));

export const WarehouseTypeField = (_props: { label?: string }) => (
  <StatusChip source="type" map={TYPE_CHIPS} testId="warehouse-type" />
);
