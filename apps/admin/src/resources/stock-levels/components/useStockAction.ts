import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, type UseCanAccessOptions, useNotify, useRefresh, useTranslate } from 'react-admin';
import { stockErrorMessage } from './stockError';

export type StockActionAccess = Pick<UseCanAccessOptions, 'resource' | 'action' | 'record'>;

/** Who may act on a row's stock: whoever may record movements of that SKU in that warehouse. */
export const movementAccess = (row: { warehouseId: string; sku: string } | undefined): StockActionAccess => ({
  resource: 'stock-movements',
  action: 'create',
  record: row ? { warehouseId: row.warehouseId, sku: row.sku } : undefined,
});

export interface StockAction {
  canAccess: boolean;
  open: boolean;
  show: () => void;
  close: () => void;
  /** Why the last call was refused, in the user's language; the dialog stays open to show it. */
  failure: string | null;
  isPending: boolean;
  /**
   * Makes the call; on success notifies `message` (its arguments built from what the call
   * returned), closes the dialog and refreshes the page.
   */
  run: <T>(call: () => Promise<T>, message: string, messageArgs?: (result: T) => Record<string, unknown>) => Promise<void>;
}

/** What a row action's dialog does around its call: who sees it, open or not, busy, refused. */
export const useStockAction = (access: StockActionAccess): StockAction => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { canAccess = false } = useCanAccess(access);
  const { mutateAsync, isPending } = useMutation({ mutationFn: (call: () => Promise<unknown>) => call() });

  const close = () => {
    setOpen(false);
    setFailure(null);
  };

  const run = async <T>(call: () => Promise<T>, message: string, messageArgs?: (result: T) => Record<string, unknown>) => {
    setFailure(null);
    try {
      const result = (await mutateAsync(call)) as T;
      notify(message, { type: 'success', ...(messageArgs ? { messageArgs: messageArgs(result) } : {}) });
      close();
      refresh();
    } catch (error) {
      setFailure(stockErrorMessage(translate, error));
    }
  };

  return { canAccess, open, show: () => setOpen(true), close, failure, isPending, run };
};
