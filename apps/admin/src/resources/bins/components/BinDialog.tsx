import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  Button,
  Form,
  maxValue,
  minValue,
  NumberInput,
  regex,
  required,
  SaveButton,
  TextInput,
  useCanAccess,
  useCreate,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { IconAction } from '../../stock-levels/components/IconAction';
import { stockErrorMessage } from '../../stock-levels/components/stockError';
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
  title,
  defaults,
  onSave,
  onClose,
  isPending,
  failure,
}: {
  title: string;
  defaults: Partial<BinInput>;
  onSave: (values: BinInput) => void;
  onClose: () => void;
  isPending: boolean;
  failure: string | null;
}) => (
  <Dialog open onClose={onClose} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="sm" data-testid="bin-dialog">
    <Form record={{}} defaultValues={defaults} onSubmit={(values: Record<string, unknown>) => onSave(binInput(values))} noValidate>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
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
        {failure && (
          <Alert severity="error" data-testid="bin-error">
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
        <SaveButton disabled={isPending} data-testid="bin-submit" />
      </DialogActions>
    </Form>
  </Dialog>
);

/** Adds a bin to the warehouse of the page, after its last one in walking order by default. */
export const BinCreateButton = ({ nextSequence }: { nextSequence: number }) => {
  const warehouse = useRecordContext<Warehouse>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [create, { isPending }] = useCreate<Bin>();
  const { canAccess } = useCanAccess({ resource: 'warehouses', action: 'edit', record: warehouse });
  if (!warehouse || !canAccess) return null;
  const close = () => {
    setOpen(false);
    setFailure(null);
  };
  const save = (values: BinInput) =>
    create(
      'bins',
      { data: { ...values, warehouseId: warehouse.id } },
      {
        onSuccess: (bin) => {
          notify('resources.bins.notifications.created', { type: 'success', messageArgs: { code: bin.code } });
          close();
          refresh();
        },
        onError: (error) => setFailure(stockErrorMessage(translate, error)),
      },
    );
  return (
    <>
      <Button label="resources.bins.actions.create" onClick={() => setOpen(true)} data-testid="bin-create-button">
        <AddIcon />
      </Button>
      {open && (
        <BinDialog
          title={translate('resources.bins.dialog.create_title', { warehouse: warehouse.code })}
          defaults={{ zone: '', aisle: '', bay: '', level: '1', sequence: nextSequence, active: true }}
          onSave={save}
          onClose={close}
          isPending={isPending}
          failure={failure}
        />
      )}
    </>
  );
};

/** Edits the bin of the row; shown to whoever may edit its warehouse. */
export const BinEditButton = ({ warehouse }: { warehouse: Warehouse }) => {
  const bin = useRecordContext<Bin>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [update, { isPending }] = useUpdate<Bin>();
  const { canAccess } = useCanAccess({ resource: 'warehouses', action: 'edit', record: warehouse });
  if (!bin || !canAccess) return null;
  const close = () => {
    setOpen(false);
    setFailure(null);
  };
  const save = (values: BinInput) =>
    update(
      'bins',
      { id: bin.id, data: values, previousData: bin },
      {
        mutationMode: 'pessimistic',
        onSuccess: (saved) => {
          notify('resources.bins.notifications.saved', { type: 'success', messageArgs: { code: saved.code } });
          close();
          refresh();
        },
        onError: (error) => setFailure(stockErrorMessage(translate, error)),
      },
    );
  const { zone, aisle, bay, level, sequence, active } = bin;
  return (
    <>
      <IconAction label="resources.bins.actions.edit" testId="bin-edit-button" onClick={() => setOpen(true)}>
        <EditIcon fontSize="small" />
      </IconAction>
      {open && (
        <BinDialog
          title={translate('resources.bins.dialog.edit_title', { code: bin.code })}
          defaults={{ zone, aisle, bay, level, sequence, active }}
          onSave={save}
          onClose={close}
          isPending={isPending}
          failure={failure}
        />
      )}
    </>
  );
};
