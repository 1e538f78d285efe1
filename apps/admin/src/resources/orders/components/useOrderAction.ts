import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { orderErrorMessage } from './orderError';

export interface OrderActionState {
  /** Why the last call was refused, in the user's language, for the dialog to show. */
  failure: string | null;
  isPending: boolean;
  clearFailure: () => void;
  /** Makes the call; on success notifies `message` with `args`, refreshes the page and resolves true. */
  run: (call: () => Promise<unknown>, message: string, args?: Record<string, unknown>) => Promise<boolean>;
}

/** What every action on the order page does around its call: busy, refused, done. */
export const useOrderAction = (): OrderActionState => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [failure, setFailure] = useState<string | null>(null);
  const { mutateAsync, isPending } = useMutation({ mutationFn: (call: () => Promise<unknown>) => call() });

  const run = async (call: () => Promise<unknown>, message: string, args?: Record<string, unknown>) => {
    setFailure(null);
    try {
      await mutateAsync(call);
      notify(message, { type: 'success', messageArgs: args });
      refresh();
      return true;
    } catch (error) {
      setFailure(orderErrorMessage(translate, error));
      // The order may have moved on meanwhile: show it as it is now.
      refresh();
      return false;
    }
  };

  return { failure, isPending, clearFailure: () => setFailure(null), run };
};
