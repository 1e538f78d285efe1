import { IconButton, Tooltip } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A row action as an icon with its name as tooltip and accessible label, so the row stays narrow. */
export const IconAction = ({
  label,
  testId,
  onClick,
  children,
}: {
  label: string;
  testId: string;
  onClick: () => void;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const text = translate(label);
  return (
    <Tooltip title={text}>
      <IconButton
        size="small"
        color="primary"
        aria-label={text}
        data-testid={testId}
        onClick={(event) => {
          event.stopPropagation();
          onClick();
        }}
      >
        {children}
      </IconButton>
    </Tooltip>
  );
};
