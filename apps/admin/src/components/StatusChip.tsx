import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** For each value a field can take, the chip's colour and the translation key of its label. */
export type StatusChipMap<V extends string> = Record<V, { color: ChipProps['color']; label: string }>;

/**
 * The record's `source` value as a small outlined chip, coloured and labelled by `map`.
 * A value missing from the map (or from the translations) shows as it is, in the default colour.
 * The chip carries the raw value as `data-<source>` (e.g. `data-status`), for tests and styling.
 */
export const StatusChip = <V extends string>({
  source,
  map,
  testId,
}: {
  source: string;
  map: StatusChipMap<V>;
  testId: string;
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const value: string = record[source];
  const entry = (map as Partial<Record<string, StatusChipMap<V>[V]>>)[value];
  return (
    <Chip
      size="small"
      variant="outlined"
      color={entry?.color ?? 'default'}
      label={entry ? translate(entry.label, { _: value }) : value}
      sx={{ width: 'fit-content' }}
      data-testid={testId}
      {...{ [`data-${source}`]: value }}
    />
  );
};
