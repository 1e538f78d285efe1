import ReportOffIcon from '@mui/icons-material/ReportOff';
import { Box, Typography } from '@mui/material';
import {
  DataTable,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { DeadLetterStatusField } from './components/DeadLetterStatusField';
import { ReplayButton } from './components/ReplayButton';
import { DEAD_LETTER_STATUSES, type DeadLetter } from './types';

const STATUS_CHOICES = DEAD_LETTER_STATUSES.map((status) => ({
  id: status,
  name: `resources.dead-letters.statuses.${status}`,
}));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn emptyText="" />,
  <TextInput key="eventType" source="eventType" />,
  <TextInput key="handler" source="handler" />,
];

const Empty = () => {
  const translate = useTranslate();
  return (
    <Box data-testid="dead-letters-empty" sx={{ textAlign: 'center', m: 'auto', py: 8, px: 2, maxWidth: 560 }}>
      <ReportOffIcon sx={{ fontSize: 72, color: 'text.disabled' }} />
      <Typography variant="h5" gutterBottom>
        {translate('resources.dead-letters.empty.title')}
      </Typography>
      <Typography color="text.secondary">{translate('resources.dead-letters.empty.body')}</Typography>
    </Box>
  );
};

const Column = DataTable.Col<DeadLetter>;

const nowrap = { whiteSpace: 'nowrap' } as const;

const errorLine = {
  contain: 'inline-size',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  color: 'text.secondary',
  fontSize: '0.8125rem',
} as const;

// The error is often a stack trace: its first line says what went wrong.
const firstLine = (text: string) => text.split('\n', 1)[0];

const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

export const DeadLetterList = () => (
  <List
    sort={{ field: 'lastFailedAt', order: 'DESC' }}
    perPage={25}
    filters={filters}
    empty={<Empty />}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
      <Column source="lastFailedAt" sx={nowrap}>
        <LocaleDateField source="lastFailedAt" options={DATE_TIME_MINUTES} />
      </Column>
      <Column source="status">
        <DeadLetterStatusField />
      </Column>
      <Column source="eventType" sx={{ ...nowrap, fontFamily: 'monospace' }} />
      <Column
        source="handler"
        sx={{ width: '100%' }}
        render={(record) => (
          <>
            <Box sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{record.handler}</Box>
            {/* inline-size containment: the error never widens the column, it is cut to fit. */}
            <Box title={record.error} sx={errorLine}>
              {firstLine(record.error)}
            </Box>
          </>
        )}
      />
      <Column source="attempts" align="right">
        <NumberField source="attempts" />
      </Column>
      <Column label="" disableSort align="right" sx={nowrap}>
        <ReplayButton />
      </Column>
    </DataTable>
  </List>
);

export default DeadLetterList;
