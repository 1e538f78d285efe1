import { Box, Typography } from '@mui/material';
import type { Breakpoint } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** Monospace stack for code and identifiers, with a CJK fallback for Chinese text inside payloads. */
export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace';

type GridColumns = string | Partial<Record<Breakpoint, string>>;

/** One column on phones, two on tablets, four on desktops. */
const FIELD_COLUMNS: GridColumns = { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' };

/** Lays labelled fields out in a responsive grid, with an optional top margin `mt` (in theme spacing units). */
export const FieldGrid = ({
  columns = FIELD_COLUMNS,
  mt,
  children,
}: {
  columns?: GridColumns;
  mt?: number;
  children: ReactNode;
}) => <Box sx={{ display: 'grid', gap: 2, mt, gridTemplateColumns: columns }}>{children}</Box>;

/**
 * A titled block of a show page: the translated `title` as an overline, then the children.
 * With `grid`, the children are laid out in a field grid (`true` for the standard columns, or the columns to use).
 */
export const Section = ({
  title,
  grid,
  testId,
  children,
}: {
  title: string;
  grid?: boolean | GridColumns;
  testId?: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box data-testid={testId}>
      <Typography variant="overline" color="text.secondary">
        {translate(title)}
      </Typography>
      {grid ? (
        <FieldGrid columns={grid === true ? undefined : grid} mt={1}>
          {children}
        </FieldGrid>
      ) : (
        children
      )}
    </Box>
  );
};

/** Preformatted text (an error, a JSON document) in a shaded, scrollable block. */
export const CodeBlock = ({ testId, children }: { testId: string; children: ReactNode }) => (
  <Box
    component="pre"
    data-testid={testId}
    sx={{
      m: 0,
      p: 2,
      borderRadius: 1,
      bgcolor: 'action.hover',
      fontFamily: MONO,
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
