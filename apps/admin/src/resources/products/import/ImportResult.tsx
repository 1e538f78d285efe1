import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import type { ProductImport } from '../types';
import { problemText, saveFile } from './importFile';

const COUNTS = [
  ['created', 'createdCount', 'success.main'],
  ['updated', 'updatedCount', 'info.main'],
  ['unchanged', 'unchangedCount', 'text.secondary'],
  ['failed', 'failedCount', 'error.main'],
] as const;

const Counts = ({ job }: { job: ProductImport }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 1.5 }}>
      {COUNTS.map(([key, field, color]) => (
        <Paper key={key} variant="outlined" sx={{ p: 1.5, textAlign: 'center' }} data-testid={`product-import-${key}`}>
          <Typography variant="h5" sx={{ color: job[field] ? color : 'text.disabled', fontVariantNumeric: 'tabular-nums' }}>
            {job[field].toLocaleString()}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`resources.products.import.result.${key}`)}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
};

const DownloadButton = ({ job, format }: { job: ProductImport; format: 'csv' | 'xlsx' }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.getFailedProductRows(job.id, format),
    onSuccess: ({ data }) => saveFile(data.blob, data.fileName),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Button
      variant="outlined"
      label={`resources.products.import.result.download_${format}`}
      onClick={() => mutate()}
      disabled={isPending}
      data-testid={`product-import-download-${format}`}
    >
      <DownloadIcon />
    </Button>
  );
};

/** Step 3: the counts, what went wrong row by row, and the failed rows to fix and import again. */
export const ImportResult = ({ job }: { job: ProductImport }) => {
  const translate = useTranslate();
  const total = job.totalRows.toLocaleString();
  return (
    <Stack spacing={2} data-testid="product-import-result">
      <Counts job={job} />
      {job.status === 'failed' && (
        <Alert severity="error" data-testid="product-import-stopped">
          {translate('resources.products.import.result.stopped')}
        </Alert>
      )}
      {job.status === 'done' && job.failedCount === 0 && (
        <Alert severity="success">{translate('resources.products.import.result.all_good', { total })}</Alert>
      )}
      {job.failedCount > 0 && (
        <Alert severity="warning">
          {translate('resources.products.import.result.some_failed', { failed: job.failedCount.toLocaleString(), total })}
        </Alert>
      )}
      {job.ignoredColumns.length > 0 && (
        <Alert severity="info" data-testid="product-import-ignored">
          {translate('resources.products.import.result.ignored', { columns: job.ignoredColumns.join(', ') })}
        </Alert>
      )}
      {job.errors.length > 0 && (
        <Box>
          <Typography variant="overline" color="text.secondary" component="h3">
            {translate('resources.products.import.result.errors_title')}
          </Typography>
          <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 300 }}>
            <Table size="small" stickyHeader data-testid="product-import-errors">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 64 }} align="right">
                    {translate('resources.products.import.result.row')}
                  </TableCell>
                  <TableCell sx={{ width: 160 }}>{translate('resources.products.import.result.column')}</TableCell>
                  <TableCell>{translate('resources.products.import.result.problem')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {job.errors.map((error, i) => (
                  <TableRow key={`${error.row}-${i}`} data-testid="product-import-error-row">
                    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {error.row}
                    </TableCell>
                    <TableCell sx={{ fontFamily: MONO, fontSize: 13, wordBreak: 'break-word' }}>{error.column || '—'}</TableCell>
                    <TableCell title={error.message}>{problemText(translate, error)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {job.errorsTruncated && (
            <Typography variant="caption" color="text.secondary">
              {translate('resources.products.import.result.truncated', { failed: job.failedCount.toLocaleString() })}
            </Typography>
          )}
        </Box>
      )}
      {job.failedCount > 0 && (
        <Stack direction="row" spacing={1}>
          <DownloadButton job={job} format="csv" />
          <DownloadButton job={job} format="xlsx" />
        </Stack>
      )}
    </Stack>
  );
};
