import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { AllocationSettingFields } from './components/AllocationSettingFields';
import { fromForm } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: string) => (value && !UUID.test(value) ? 'resources.allocation-settings.helpers.channel_invalid' : undefined);

/** A channel's own allocation setting; until sales channels have their own screen, the channel is named by its id. */
export const AllocationSettingCreate = () => (
  <Create redirect="list" transform={fromForm}>
    <SimpleForm defaultValues={{ strategy1: 'nearest', strategy2: 'priority', shortagePolicy: 'ship_available', warehouseIds: [] }}>
      <TextInput
        source="channelId"
        validate={[required(), uuid]}
        helperText="resources.allocation-settings.helpers.channel"
        sx={{ minWidth: 400 }}
      />
      <AllocationSettingFields />
    </SimpleForm>
  </Create>
);

export default AllocationSettingCreate;
