import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { newIdempotencyKey } from '../../../providers/idempotencyKey';
import type { CommandOptions } from '../../../providers/orders';
import { orderErrorMessage } from './orderError';

export interface OrderActionState {
  /** Why the last call was refused, in the user's language, for the dialog to show. */
  failure: string | null;
  isPending: boolean;
  /** Forgets the refusal and starts a new attempt (a dialog closing). */
  clearFailure: () => void;
  /**
   * Makes the call with the attempt's Idempotency-Key; on success notifies `message` with
   * `args`, refreshes the page and resolves true. A refusal goes to `onError` too (for a form to
   * put its field errors under the inputs).
   */
  run: (
    call: (options: CommandOptions) => Promise<unknown>,
    message: string,
    args?: Record<string, unknown>,
    onError?: (error: unknown) => void,
  ) => Promise<boolean>;
}

/**
 * What every action on the order page does around its call: busy, refused, done. One key serves
 * an attempt until it succeeds, so a second click or a retry after a lost answer gets the first
 * answer instead of acting twice; a failed call stores nothing on the server, so retrying it
 * with the same key runs it again.
 */
export const useOrderAction = (): OrderActionState => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const { mutateAsync, isPending } = useMutation({ mutationFn: (call: () => Promise<unknown>) => call() });

  const run: OrderActionState['run'] = async (call, message, args, onError) => {
    setFailure(null);
    key.current ??= newIdempotencyKey();
    const idempotencyKey = key.current;
    try {
      await mutateAsync(() => call({ idempotencyKey }));
      key.current = null;
      notify(message, { type: 'success', messageArgs: args });
      refresh();
      return true;
    } catch (error) {
      setFailure(orderErrorMessage(translate, error));
      onError?.(error);
      // The order may have moved on meanwhile: show it as it is now.
      refresh();
      return false;
    }
  };

  const clearFailure = () => {
    key.current = null;
    setFailure(null);
  };

  return { failure, isPending, clearFailure, run };
};
