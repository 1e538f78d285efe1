import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Box, Typography } from '@mui/material';
import {
  CanAccess,
  DataTable,
  DateTimeInput,
  ExportButton,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { ActionField } from './components/ActionField';
import { EntityField } from './components/EntityField';
import { OutcomeField } from './components/OutcomeField';
import { AUDIT_OUTCOMES, type AuditLog } from './types';

const OUTCOME_CHOICES = AUDIT_OUTCOMES.map((outcome) => ({ id: outcome, name: `resources.audit-logs.outcomes.${outcome}` }));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="outcome" source="outcome" choices={OUTCOME_CHOICES} alwaysOn emptyText="" />,
  <DateTimeInput key="at_gte" source="at_gte" alwaysOn />,
  <DateTimeInput key="at_lte" source="at_lte" alwaysOn />,
  <TextInput key="actorEmail" source="actorEmail" />,
  <TextInput key="action" source="action" />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CanAccess action="export">
      <ExportButton />
    </CanAccess>
  </TopToolbar>
);

const Empty = () => {
  const translate = useTranslate();
  return (
    <Box data-testid="audit-logs-empty" sx={{ textAlign: 'center', m: 'auto', py: 8, px: 2, maxWidth: 560 }}>
      <FactCheckIcon sx={{ fontSize: 72, color: 'text.disabled' }} />
      <Typography variant="h5" gutterBottom>
        {translate('resources.audit-logs.empty.title')}
      </Typography>
      <Typography color="text.secondary">{translate('resources.audit-logs.empty.body')}</Typography>
    </Box>
  );
};

const Column = DataTable.Col<AuditLog>;

const nowrap = { whiteSpace: 'nowrap' } as const;

const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

export const AuditLogList = () => (
  <List sort={{ field: 'at', order: 'DESC' }} perPage={50} filters={filters} actions={<Actions />} empty={<Empty />}>
    <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
      <Column source="at" sx={nowrap}>
        <LocaleDateField source="at" options={DATE_TIME_MINUTES} />
      </Column>
      <Column source="actorEmail" sx={nowrap} render={(record) => record.actorEmail ?? '—'} />
      <Column source="action">
        <ActionField />
      </Column>
      <Column source="entityType" disableSort sx={{ width: '100%' }}>
        <EntityField />
      </Column>
      <Column source="outcome">
        <OutcomeField />
      </Column>
      <Column source="ip" disableSort sx={{ ...nowrap, fontFamily: 'monospace' }} render={(record) => record.ip ?? '—'} />
    </DataTable>
  </List>
);

export default AuditLogList;
