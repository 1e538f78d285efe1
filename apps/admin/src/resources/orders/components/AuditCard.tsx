import PassedIcon from '@mui/icons-material/CheckCircle';
import FailedIcon from '@mui/icons-material/ErrorOutlined';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditResult, Order } from '../types';
import { useDateTime } from './CustomerCards';
import { useFlagText } from '../flagDetails';
import { useFlagLabel } from './OrderChips';
import { OrderCard } from './OrderCard';

const outcomeOf = (result: Pick<AuditResult, 'passed' | 'skipped'>) => (result.skipped ? 'skipped' : result.passed ? 'passed' : 'failed');

/**
 * What the audit rules said the last time they ran on the order (when the order carries it):
 * the failed rules with the exceptions they raised, then the others as a row of chips.
 */
export const AuditCard = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  const flagLabel = useFlagLabel();
  const flagText = useFlagText();
  const dateTime = useDateTime();
  const audit = record?.audit;
  if (!audit?.results?.length) return null;
  const ruleName = (rule: string) => translate(`resources.orders.audit.rules.${rule}`, { _: rule });
  const failed = audit.results.filter((result) => outcomeOf(result) === 'failed');
  const others = audit.results.filter((result) => outcomeOf(result) !== 'failed');
  const overall = audit.passed ? 'passed' : 'failed';
  return (
    <OrderCard
      title="resources.orders.sections.audit"
      testId="order-audit"
      action={
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {translate('resources.orders.audit.ran_at', { at: dateTime(audit.ranAt) })}
          </Typography>
          <Chip
            size="small"
            variant="outlined"
            color={audit.passed ? 'success' : 'warning'}
            label={translate(`resources.orders.audit.${overall}`)}
            data-testid="order-audit-outcome"
            data-result={overall}
          />
        </Box>
      }
    >
      <Stack spacing={1.5}>
        {failed.map((result) => (
          <Box key={result.rule} sx={{ display: 'flex', gap: 1.5 }} data-testid="order-audit-rule" data-rule={result.rule} data-result="failed">
            <FailedIcon color="warning" fontSize="small" sx={{ mt: 0.25 }} />
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {ruleName(result.rule)}
              </Typography>
              {(result.flags ?? []).map((flag) => {
                const text = flagText(flag.code, flag.message, flag.params);
                return (
                  <Typography key={flag.code} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                    {flagLabel(flag.code)}
                    {text ? ` · ${text}` : ''}
                  </Typography>
                );
              })}
            </Box>
          </Box>
        ))}
        {others.length > 0 && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            {others.map((result) => {
              const outcome = outcomeOf(result);
              return (
                <Chip
                  key={result.rule}
                  size="small"
                  variant="outlined"
                  color={outcome === 'passed' ? 'success' : 'default'}
                  icon={outcome === 'passed' ? <PassedIcon /> : undefined}
                  label={outcome === 'passed' ? ruleName(result.rule) : `${ruleName(result.rule)} · ${translate('resources.orders.audit.skipped')}`}
                  data-testid="order-audit-rule"
                  data-rule={result.rule}
                  data-result={outcome}
                />
              );
            })}
          </Box>
        )}
      </Stack>
    </OrderCard>
  );
};
