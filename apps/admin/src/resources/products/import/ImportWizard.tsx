import { Box, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, useDataProvider, useRefresh, useTranslate } from 'react-admin';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import type { ProductImport } from '../types';
import { ChooseFileStep } from './ChooseFileStep';
import { ImportResult } from './ImportResult';
import { fileProblem, isFinished, problemText, uploadProblem } from './importFile';

const STEPS = ['choose', 'run', 'result'] as const;
const POLL_MS = 700;

const Progress = ({ file, job }: { file: File | null; job: ProductImport | undefined }) => {
  const translate = useTranslate();
  const uploading = !job;
  const share = job && job.totalRows ? (100 * job.processedRows) / job.totalRows : 0;
  const text = uploading
    ? translate('resources.products.import.run.uploading', { name: file?.name ?? '' })
    : job.status === 'queued'
      ? translate('resources.products.import.run.queued')
      : translate('resources.products.import.run.progress', {
          processed: job.processedRows.toLocaleString(),
          total: job.totalRows.toLocaleString(),
        });
  return (
    <Box sx={{ py: 3 }} data-testid="product-import-progress">
      <LinearProgress
        variant={uploading || job.status === 'queued' ? 'indeterminate' : 'determinate'}
        value={share}
        sx={{ height: 8, borderRadius: 4 }}
        aria-label={text}
      />
      <Typography variant="body2" sx={{ mt: 1.5, fontVariantNumeric: 'tabular-nums' }} data-testid="product-import-progress-text">
        {text}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
        {translate('resources.products.import.run.hint')}
      </Typography>
    </Box>
  );
};

/**
 * Import products from a file in three steps: choose it (with the column guide and a
 * template), watch the job's progress, then read the result and download the failed rows.
 */
export const ImportWizard = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (chosen: File) => dataProvider.importProducts(chosen),
    onSuccess: ({ data }) => setJobId(data.id),
    onError: (error) => setProblem(problemText(translate, uploadProblem(error))),
  });
  const { data: job } = useQuery({
    queryKey: ['product-imports', jobId],
    queryFn: async () => (await dataProvider.getProductImport(jobId!)).data,
    enabled: jobId !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
  });
  const finished = isFinished(job);
  const step = finished ? 2 : jobId || upload.isPending ? 1 : 0;

  // The list shows what the import changed once it is over.
  useEffect(() => {
    if (finished) refresh();
  }, [finished, refresh]);

  const choose = (chosen: File) => {
    const wrong = fileProblem(chosen);
    setFile(wrong ? null : chosen);
    setProblem(wrong ? translate(wrong) : null);
  };
  const restart = () => {
    setFile(null);
    setProblem(null);
    setJobId(null);
    upload.reset();
  };
  const close = () => {
    if (!finished && jobId) refresh();
    onClose();
  };

  return (
    <Dialog open onClose={close} fullWidth maxWidth="md" data-testid="product-import-dialog">
      <DialogTitle>{translate('resources.products.import.title')}</DialogTitle>
      <DialogContent>
        <Stepper activeStep={step} alternativeLabel sx={{ mb: 3 }}>
          {STEPS.map((key) => (
            <Step key={key} completed={step > STEPS.indexOf(key) || (key === 'result' && finished)}>
              <StepLabel>{translate(`resources.products.import.steps.${key}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {step === 0 && <ChooseFileStep file={file} problem={problem} onChoose={choose} />}
        {step === 1 && <Progress file={file} job={job} />}
        {step === 2 && job && <ImportResult job={job} />}
      </DialogContent>
      <DialogActions>
        {step === 2 && <Button label="resources.products.import.result.again" onClick={restart} data-testid="product-import-again" />}
        <Button label={step === 0 ? 'ra.action.cancel' : 'ra.action.close'} onClick={close} data-testid="product-import-close" />
        {step === 0 && (
          <Button
            variant="contained"
            label="resources.products.import.choose.start"
            disabled={!file}
            onClick={() => file && upload.mutate(file)}
            data-testid="product-import-start"
          />
        )}
      </DialogActions>
    </Dialog>
  );
};
