import ReplayIcon from '@mui/icons-material/Replay';
import { Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { translateError } from '../../../errors';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import type { DeadLetter } from '../types';

/** Hands a failed event to its handler again (`POST /api/dead-letters/:id/replay`); hidden from users who may not. */
export const ReplayButton = ({ variant = 'text' }: { variant?: 'text' | 'outlined' | 'contained' }) => {
  const record = useRecordContext<DeadLetter>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'dead-letters', action: 'replay', record });
  const { mutate, isPending } = useMutation({
    mutationFn: (id: DeadLetter['id']) => dataProvider.replayDeadLetter(id),
    onSuccess: ({ data }) => {
      notify('resources.dead-letters.notifications.replayed', {
        type: 'success',
        messageArgs: { handler: data.handler },
      });
      refresh();
    },
    onError: (error) => {
      notify('resources.dead-letters.notifications.replay_failed', {
        type: 'error',
        messageArgs: { error: translateError(translate, error) },
      });
      refresh();
    },
  });
  if (!record || !canAccess) return null;
  const replayable = record.status === 'failed';
  const onClick = (event: MouseEvent) => {
    // The button sits in a clickable row: do not also open the record.
    event.stopPropagation();
    mutate(record.id);
  };
  return (
    <Tooltip
      title={translate(
        replayable
          ? 'resources.dead-letters.actions.replay_hint'
          : 'resources.dead-letters.actions.not_replayable_hint',
      )}
    >
      {/* A span keeps the tooltip working while the button is disabled. */}
      <span>
        <Button
          label="resources.dead-letters.actions.replay"
          onClick={onClick}
          disabled={!replayable || isPending}
          variant={variant}
          data-testid="replay-button"
        >
          <ReplayIcon />
        </Button>
      </span>
    </Tooltip>
  );
};
