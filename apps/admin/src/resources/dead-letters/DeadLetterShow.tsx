import { CardContent, Divider, Stack, Typography } from '@mui/material';
import {
  Labeled,
  ListButton,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
import { CodeBlock, Section } from '../../components/ShowSection';
import { DeadLetterStatusField } from './components/DeadLetterStatusField';
import { ReplayButton } from './components/ReplayButton';
import type { DeadLetter } from './types';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ReplayButton variant="contained" />
  </TopToolbar>
);

const prettyJson = (value: unknown): string => {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
};

const Details = () => {
  const record = useRecordContext<DeadLetter>();
  if (!record) return null;
  return (
    <CardContent>
      <Stack spacing={3}>
        <Section title="resources.dead-letters.sections.summary" grid>
          <Labeled>
            <DeadLetterStatusField source="status" />
          </Labeled>
          <Labeled>
            <TextField source="eventType" sx={{ fontFamily: 'monospace' }} />
          </Labeled>
          <Labeled>
            <TextField source="handler" sx={{ fontFamily: 'monospace' }} />
          </Labeled>
          <Labeled>
            <NumberField source="attempts" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="firstFailedAt" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="lastFailedAt" />
          </Labeled>
          <Labeled>
            <LocaleDateField source="replayedAt" emptyText="—" />
          </Labeled>
          <Labeled>
            <NumberField source="replayCount" />
          </Labeled>
          <Labeled>
            <TextField source="eventId" sx={{ fontFamily: 'monospace' }} />
          </Labeled>
        </Section>
        <Divider />
        <Section title="resources.dead-letters.sections.error">
          <CodeBlock testId="dead-letter-error">{record.error}</CodeBlock>
        </Section>
        <Section title="resources.dead-letters.sections.payload">
          <CodeBlock testId="dead-letter-payload">{prettyJson(record.payload)}</CodeBlock>
        </Section>
        {record.note && (
          <Section title="resources.dead-letters.sections.note">
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{record.note}</Typography>
          </Section>
        )}
      </Stack>
    </CardContent>
  );
};

export const DeadLetterShow = () => (
  <Show actions={<Actions />}>
    <Details />
  </Show>
);

export default DeadLetterShow;
