import DownloadIcon from '@mui/icons-material/Download';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import { Alert, Box, Link, Stack, Typography } from '@mui/material';
import { type DragEvent, useRef, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import { saveFile, TEMPLATE_FIELDS, templateCsv } from './importFile';

/** The columns explained: the name to head each with, and what to write in it. */
const COLUMNS: [string, string][] = [
  ['sku', 'sku'],
  ['name', 'name'],
  ['price / priceMinor', 'price'],
  ['currency', 'currency'],
  ['attributes', 'attributes'],
  ['barcodes', 'barcodes'],
  ['weightGrams / lengthMm / widthMm / heightMm', 'size'],
  ['purchaseLimit', 'purchaseLimit'],
  ['active', 'active'],
];

const TemplateLink = () => {
  const translate = useTranslate();
  const download = () => {
    const headers = TEMPLATE_FIELDS.map((field) => translate(`resources.products.fields.${field}`));
    saveFile(new Blob([templateCsv(headers)], { type: 'text/csv;charset=utf-8' }), translate('resources.products.import.choose.template_file'));
  };
  return (
    <Link component="button" type="button" variant="body2" onClick={download} data-testid="product-import-template" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      <DownloadIcon fontSize="small" />
      {translate('resources.products.import.choose.template')}
    </Link>
  );
};

/** Step 1: what the file should look like, the template, and the file chooser. */
export const ChooseFileStep = ({
  file,
  problem,
  onChoose,
}: {
  file: File | null;
  problem: string | null;
  onChoose: (file: File) => void;
}) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files?.[0];
    if (dropped) onChoose(dropped);
  };
  return (
    <Stack spacing={2}>
      <Typography variant="body2">{translate('resources.products.import.choose.intro')}</Typography>
      <Box>
        <Typography variant="overline" color="text.secondary" component="h3">
          {translate('resources.products.import.choose.columns_title')}
        </Typography>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(120px, 200px) 1fr' }, columnGap: 2, rowGap: 0.5, m: 0 }}
        >
          {COLUMNS.map(([names, key]) => (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontFamily: MONO, fontSize: 13, overflowWrap: 'anywhere' }}>
                {names}
              </Typography>
              <Typography component="dd" variant="body2" color="text.secondary" sx={{ m: 0, mb: { xs: 1, sm: 0 } }}>
                {translate(`resources.products.import.columns.${key}`)}
              </Typography>
            </Box>
          ))}
        </Box>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('resources.products.import.choose.headers_hint')}
        </Typography>
        <TemplateLink />
      </Box>
      <Box
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="product-import-drop"
        sx={{
          border: 2,
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : undefined,
          borderStyle: 'dashed',
          borderRadius: 1,
          p: 2,
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          flexWrap: 'wrap',
        }}
      >
        <input
          ref={input}
          type="file"
          hidden
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="product-import-file"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onChoose(chosen);
            event.target.value = '';
          }}
        />
        <Button
          variant="outlined"
          label={file ? 'resources.products.import.choose.change' : 'resources.products.import.choose.pick'}
          onClick={() => input.current?.click()}
        >
          <FileIcon />
        </Button>
        <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} data-testid="product-import-file-name">
          {file
            ? `${file.name} · ${translate('resources.products.import.choose.size', { size: Math.max(1, Math.round(file.size / 1024)) })}`
            : translate('resources.products.import.choose.none')}
        </Typography>
      </Box>
      {problem && (
        <Alert severity="error" data-testid="product-import-problem">
          {problem}
        </Alert>
      )}
    </Stack>
  );
};
