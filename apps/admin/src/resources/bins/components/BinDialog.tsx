import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { Box } from '@mui/material';
import {
  BooleanInput,
  Button,
  maxValue,
  minValue,
  NumberInput,
  regex,
  required,
  TextInput,
  useCreate,
  useRecordContext,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { IconAction } from '../../stock-levels/components/IconAction';
import { StockActionDialog } from '../../stock-levels/components/StockActionDialog';
import { type StockAction, useStockAction } from '../../stock-levels/components/useStockAction';
import type { Warehouse } from '../../warehouses/types';
import type { Bin, BinInput } from '../types';

const upperCase = (value: string | null) => (typeof value === 'string' ? value.toUpperCase() : value);
const wholeNumber = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'resources.bins.validation.integer' : undefined;

const validateZone = [required(), regex(/^[A-Z0-9]{1,4}$/, 'resources.bins.validation.zone')];
const validateAisle = [required(), regex(/^[0-9]{1,3}$/, 'resources.bins.validation.digits3')];
const validateBay = validateAisle;
const validateLevel = [required(), regex(/^[0-9]{1,2}$/, 'resources.bins.validation.digits2')];
const validateSequence = [required(), wholeNumber, minValue(0), maxValue(10_000_000)];

/** Only what a bin is made of: the form's record context may carry more. */
const binInput = (values: Record<string, unknown>): BinInput => {
  const { zone, aisle, bay, level, sequence, active } = values as unknown as BinInput;
  return { zone, aisle, bay, level, sequence, active };
};

const grid = { display: 'grid', columnGap: 2, gridTemplateColumns: 'repeat(4, 1fr)' } as const;

/**
 * The bin form: its zone-aisle-bay-level address, its place in the walking order, active or not.
 * It starts from `defaults` only, not from the page's record (the warehouse, or the bin's row).
 */
const BinDialog = ({
  action,
  title,
  defaults,
  onSave,
}: {
  action: StockAction;
  title: string;
  defaults: Partial<BinInput>;
  onSave: (values: BinInput) => unknown;
}) => (
  <StockActionDialog<BinInput>
    action={action}
    testId="bin"
    title={title}
    record={{}}
    defaultValues={defaults}
    onSubmit={(values) => onSave(binInput(values))}
    maxWidth="sm"
  >
    <Box sx={grid}>
      <TextInput source="zone" label="resources.bins.fields.zone" validate={validateZone} parse={upperCase} autoFocus helperText={false} />
      <TextInput source="aisle" label="resources.bins.fields.aisle" validate={validateAisle} helperText={false} />
      <TextInput source="bay" label="resources.bins.fields.bay" validate={validateBay} helperText={false} />
      <TextInput source="level" label="resources.bins.fields.level" validate={validateLevel} helperText={false} />
    </Box>
    <Box sx={{ ...grid, gridTemplateColumns: '1fr 1fr' }}>
      <NumberInput
        source="sequence"
        label="resources.bins.fields.sequence"
        validate={validateSequence}
        step={10}
        min={0}
        helperText="resources.bins.helpers.sequence"
      />
      <BooleanInput source="active" label="resources.bins.fields.active" helperText="resources.bins.helpers.active" />
    </Box>
  </StockActionDialog>
);

/** Adds a bin to the warehouse of the page, after its last one in walking order by default. */
export const BinCreateButton = ({ nextSequence }: { nextSequence: number }) => {
  const warehouse = useRecordContext<Warehouse>();
  const translate = useTranslate();
  const [create] = useCreate<Bin>();
  const action = useStockAction({ resource: 'warehouses', action: 'edit', record: warehouse });
  if (!warehouse || !action.canAccess) return null;
  const save = (values: BinInput) =>
    action.run(
      // Pessimistic, as every create: the promise holds the saved bin.
      () => create('bins', { data: { ...values, warehouseId: warehouse.id } }, { returnPromise: true }) as Promise<Bin>,
      'resources.bins.notifications.created',
      (bin) => ({ code: bin.code }),
    );
  return (
    <>
      <Button label="resources.bins.actions.create" onClick={action.show} data-testid="bin-create-button">
        <AddIcon />
      </Button>
      {action.open && (
        <BinDialog
          action={action}
          title={translate('resources.bins.dialog.create_title', { warehouse: warehouse.code })}
          defaults={{ zone: '', aisle: '', bay: '', level: '1', sequence: nextSequence, active: true }}
          onSave={save}
        />
      )}
    </>
  );
};

/** Edits the bin of the row; shown to whoever may edit its warehouse. */
export const BinEditButton = ({ warehouse }: { warehouse: Warehouse }) => {
  const bin = useRecordContext<Bin>();
  const translate = useTranslate();
  const [update] = useUpdate<Bin>();
  const action = useStockAction({ resource: 'warehouses', action: 'edit', record: warehouse });
  if (!bin || !action.canAccess) return null;
  const save = (values: BinInput) =>
    action.run(
      () =>
        update('bins', { id: bin.id, data: values, previousData: bin }, { mutationMode: 'pessimistic', returnPromise: true }) as Promise<Bin>,
      'resources.bins.notifications.saved',
      (saved) => ({ code: saved.code }),
    );
  const { zone, aisle, bay, level, sequence, active } = bin;
  return (
    <>
      <IconAction label="resources.bins.actions.edit" testId="bin-edit-button" onClick={action.show}>
        <EditIcon fontSize="small" />
      </IconAction>
      {action.open && (
        <BinDialog
          action={action}
          title={translate('resources.bins.dialog.edit_title', { code: bin.code })}
          defaults={{ zone, aisle, bay, level, sequence, active }}
          onSave={save}
        />
      )}
    </>
  );
};
