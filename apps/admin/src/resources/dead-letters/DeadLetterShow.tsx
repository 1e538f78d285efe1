import { Box, CardContent, Divider, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  Labeled,
  ListButton,
  NumberField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
import { DeadLetterStatusField } from './components/DeadLetterStatusField';
import { ReplayButton } from './components/ReplayButton';
import type { DeadLetter } from './types';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ReplayButton variant="contained" />
  </TopToolbar>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="overline" color="text.secondary">
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const Code = ({ children, testId }: { children: string; testId: string }) => (
  <Box
    component="pre"
    data-testid={testId}
    sx={{
      m: 0,
      p: 2,
      borderRadius: 1,
      bgcolor: 'action.hover',
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
      fontSize: 13,
      lineHeight: 1.5,
      overflowX: 'auto',
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-word',
      maxHeight: 480,
    }}
  >
    {children}
  </Box>
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
        <Section title="resources.dead-letters.sections.summary">
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              mt: 1,
              gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' },
            }}
          >
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
          </Box>
        </Section>
        <Divider />
        <Section title="resources.dead-letters.sections.error">
          <Code testId="dead-letter-error">{record.error}</Code>
        </Section>
        <Section title="resources.dead-letters.sections.payload">
          <Code testId="dead-letter-payload">{prettyJson(record.payload)}</Code>
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
