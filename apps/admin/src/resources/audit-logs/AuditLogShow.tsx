import { CardContent, Divider, Stack, Typography } from '@mui/material';
import { Labeled, ListButton, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../../components/LocaleDateField';
import { CodeBlock, Section } from '../../components/ShowSection';
import { ActionField } from './components/ActionField';
import { DiffTable } from './components/DiffTable';
import { EntityField } from './components/EntityField';
import { OutcomeField } from './components/OutcomeField';
import { formatValue } from './diff';
import type { AuditLog } from './types';

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

const Json = ({ value, testId }: { value: unknown; testId: string }) => (
  <CodeBlock testId={testId}>{formatValue(value) ?? '—'}</CodeBlock>
);

const mono = { fontFamily: 'monospace' } as const;

const Summary = () => (
  <Section title="resources.audit-logs.sections.summary" grid>
    <Labeled>
      <LocaleDateField source="at" />
    </Labeled>
    <Labeled>
      <TextField source="actorEmail" emptyText="—" />
    </Labeled>
    <Labeled label="resources.audit-logs.fields.action">
      <ActionField />
    </Labeled>
    <Labeled label="resources.audit-logs.fields.outcome">
      <OutcomeField />
    </Labeled>
    <Labeled label="resources.audit-logs.fields.entityType">
      <EntityField />
    </Labeled>
    <Labeled>
      <TextField source="ip" emptyText="—" sx={mono} />
    </Labeled>
    <Labeled>
      <TextField source="requestId" emptyText="—" sx={mono} />
    </Labeled>
    <Labeled>
      <TextField source="actorId" emptyText="—" sx={mono} />
    </Labeled>
    <Labeled sx={{ gridColumn: '1 / -1' }}>
      <TextField source="userAgent" emptyText="—" sx={{ color: 'text.secondary' }} />
    </Labeled>
  </Section>
);

/** The changed fields as a diff; without recorded changes, the snapshots themselves. */
const Changes = () => {
  const record = useRecordContext<AuditLog>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.changes?.length) {
    return (
      <Section title="resources.audit-logs.sections.changes">
        <DiffTable changes={record.changes} />
      </Section>
    );
  }
  if (!record.before && !record.after) {
    return (
      <Typography color="text.secondary" data-testid="audit-no-changes">
        {translate('resources.audit-logs.diff.none')}
      </Typography>
    );
  }
  return (
    <Section title="resources.audit-logs.sections.snapshots" grid={{ xs: '1fr', md: '1fr 1fr' }}>
      <Labeled label="resources.audit-logs.fields.before">
        <Json value={record.before} testId="audit-before" />
      </Labeled>
      <Labeled label="resources.audit-logs.fields.after">
        <Json value={record.after} testId="audit-after" />
      </Labeled>
    </Section>
  );
};

const Details = () => {
  const record = useRecordContext<AuditLog>();
  if (!record?.details || Object.keys(record.details).length === 0) return null;
  return (
    <Section title="resources.audit-logs.sections.details">
      <Json value={record.details} testId="audit-details" />
    </Section>
  );
};

export const AuditLogShow = () => (
  <Show actions={<Actions />}>
    <CardContent>
      <Stack spacing={3}>
        <Summary />
        <Divider />
        <Changes />
        <Details />
      </Stack>
    </CardContent>
  </Show>
);

export default AuditLogShow;
