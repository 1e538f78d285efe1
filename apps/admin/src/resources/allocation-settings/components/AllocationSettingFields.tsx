import { Box, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  required,
  SelectInput,
  useTranslate,
} from 'react-admin';
import { POLICIES, STRATEGIES } from '../types';

const strategyChoices = STRATEGIES.map((id) => ({ id, name: `resources.allocation-settings.strategies.${id}` }));
const policyChoices = POLICIES.map((id) => ({ id, name: `resources.allocation-settings.policies.${id}` }));

/** The strategies in order (each breaks the ties of the one before), the shortage policy, the warehouses. */
export const AllocationSettingFields = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate('resources.allocation-settings.sections.strategies')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.allocation-settings.helpers.strategies')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source="strategy1" fullWidth={false} choices={strategyChoices} validate={required()} sx={{ minWidth: 200 }} />
        <SelectInput source="strategy2" fullWidth={false} choices={strategyChoices} emptyText="—" sx={{ minWidth: 200 }} />
        <SelectInput source="strategy3" fullWidth={false} choices={strategyChoices} emptyText="—" sx={{ minWidth: 200 }} />
      </Box>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('resources.allocation-settings.sections.shortage')}
      </Typography>
      <RadioButtonGroupInput
        source="shortagePolicy"
        choices={policyChoices}
        row={false}
        validate={required()}
        helperText={false}
        label={false}
      />
      <Box component="ul" sx={{ mt: 0, pl: 3, color: 'text.secondary', typography: 'body2' }}>
        {POLICIES.map((p) => (
          <li key={p}>
            <strong>{translate(`resources.allocation-settings.policies.${p}`)}</strong>
            {' — '}
            {translate(`resources.allocation-settings.policy_help.${p}`)}
          </li>
        ))}
      </Box>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('resources.allocation-settings.sections.warehouses')}
      </Typography>
      <ReferenceArrayInput source="warehouseIds" reference="warehouses" perPage={100} sort={{ field: 'priority', order: 'ASC' }}>
        <AutocompleteArrayInput helperText="resources.allocation-settings.helpers.warehouses" sx={{ minWidth: 400 }} />
      </ReferenceArrayInput>
    </Box>
  );
};
