import {
  DeleteButton,
  Edit,
  ListButton,
  SaveButton,
  SimpleForm,
  Toolbar,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AllocationSettingFields } from './components/AllocationSettingFields';
import { type AllocationSetting, fromForm, toForm } from './types';

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

// The default setting stays; a channel's own can be removed (the channel goes back to the default).
const EditToolbar = () => {
  const record = useRecordContext<AllocationSetting>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record && record.id !== 'default' && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

const Title = () => {
  const record = useRecordContext<AllocationSetting>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {record.id === 'default'
        ? translate('resources.allocation-settings.default_title')
        : translate('resources.allocation-settings.channel_title', { id: record.id })}
    </>
  );
};

export const AllocationSettingEdit = () => (
  <Edit
    title={<Title />}
    actions={<Actions />}
    mutationMode="pessimistic"
    redirect="list"
    queryOptions={{ select: toForm }}
    transform={fromForm}
  >
    <SimpleForm toolbar={<EditToolbar />}>
      <AllocationSettingFields />
    </SimpleForm>
  </Edit>
);

export default AllocationSettingEdit;
