import RemarkIcon from '@mui/icons-material/AddComment';
import TagIcon from '@mui/icons-material/LocalOffer';
import { Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  maxLength,
  required,
  TextArrayInput,
  TextInput,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import type { Order } from '../types';
import { TagChips } from './OrderChips';
import { Item, OrderCard } from './OrderCard';
import { OrderDialog } from './OrderDialog';
import { useOrderAction } from './useOrderAction';

const validateRemark = [required(), maxLength(1000)];

/** The API keeps up to 20 tags of up to 40 characters. */
const validateTags = (tags: unknown) => {
  const list = Array.isArray(tags) ? (tags as string[]) : [];
  if (list.length > 20) return { message: 'ra.validation.maxLength', args: { max: 20 } };
  if (list.some((tag) => tag.length > 40)) return { message: 'ra.validation.maxLength', args: { max: 40 } };
  return undefined;
};

export const cleanTags = (tags: unknown): string[] =>
  [...new Set((Array.isArray(tags) ? (tags as string[]) : []).map((tag) => String(tag).trim()).filter(Boolean))];

const RemarkButton = ({ record }: { record: Order }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const remark = String(values.remark ?? '').trim();
    if (await run((options) => dataProvider.addOrderRemark(record.id, remark, options), 'resources.orders.notifications.remark_added', { number: record.number })) {
      close();
    }
  };
  return (
    <>
      <Button label="resources.orders.actions.add_remark" onClick={() => setOpen(true)} data-testid="order-add-remark">
        <RemarkIcon />
      </Button>
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-remark"
        title={translate('resources.orders.dialogs.remark_title', { number: record.number })}
        defaultValues={{ remark: '' }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel="resources.orders.actions.add_remark"
      >
        <TextInput
          source="remark"
          label="resources.orders.dialogs.remark"
          validate={validateRemark}
          helperText="resources.orders.dialogs.remark_hint"
          multiline
          minRows={3}
          fullWidth
          autoFocus
        />
      </OrderDialog>
    </>
  );
};

const TagsButton = ({ record }: { record: Order }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const tags = cleanTags(values.tags);
    if (await run((options) => dataProvider.setOrderTags(record.id, tags, options), 'resources.orders.notifications.tags_saved', { number: record.number })) close();
  };
  return (
    <>
      <Button label="resources.orders.actions.edit_tags" onClick={() => setOpen(true)} data-testid="order-edit-tags">
        <TagIcon />
      </Button>
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-tags"
        title={translate('resources.orders.dialogs.tags_title', { number: record.number })}
        defaultValues={{ tags: record.tags ?? [] }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel="ra.action.save"
      >
        <TextArrayInput
          source="tags"
          label="resources.orders.fields.tags"
          validate={validateTags}
          helperText="resources.orders.dialogs.tags_hint"
          fullWidth
        />
      </OrderDialog>
    </>
  );
};

/** The buyer's remark, staff remarks (one per line, oldest first) and the tags, with buttons to add to them. */
export const RemarksCard = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'update', record });
  if (!record) return null;
  const none = translate('resources.orders.remarks.none');
  return (
    <OrderCard title="resources.orders.sections.remarks" testId="order-remarks">
      <Stack spacing={1.5}>
        <Item label="resources.orders.fields.buyerRemark">{record.buyerRemark || none}</Item>
        <Item label="resources.orders.fields.sellerRemark" testId="order-seller-remark">
          {record.sellerRemark ? (
            <Box component="span" sx={{ whiteSpace: 'pre-line' }}>
              {record.sellerRemark}
            </Box>
          ) : (
            none
          )}
        </Item>
        <Item label="resources.orders.fields.tags">
          {record.tags?.length ? <TagChips /> : <Typography variant="body2">{translate('resources.orders.remarks.no_tags')}</Typography>}
        </Item>
        {canAccess && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            <RemarkButton record={record} />
            <TagsButton record={record} />
          </Box>
        )}
      </Stack>
    </OrderCard>
  );
};
