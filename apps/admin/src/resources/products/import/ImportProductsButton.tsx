import UploadIcon from '@mui/icons-material/UploadFile';
import { createContext, lazy, type ReactNode, Suspense, useContext, useState } from 'react';
import { Button, useCanAccess } from 'react-admin';

const ImportWizard = lazy(() => import('./ImportWizard').then((m) => ({ default: m.ImportWizard })));

const OpenImport = createContext<() => void>(() => undefined);

/**
 * Holds the import wizard above the list, so that it stays open while the list behind it
 * changes (the empty catalogue page gives way to the table as the first products arrive).
 */
export const ImportWizardHost = ({ children }: { children: ReactNode }) => {
  const [open, setOpen] = useState(false);
  return (
    <OpenImport.Provider value={() => setOpen(true)}>
      {children}
      {open && (
        <Suspense fallback={null}>
          <ImportWizard onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </OpenImport.Provider>
  );
};

/** Opens the import wizard; shown only to whoever may create products. */
export const ImportProductsButton = ({ variant }: { variant?: 'text' | 'outlined' | 'contained' }) => {
  const { canAccess } = useCanAccess({ resource: 'products', action: 'create' });
  const open = useContext(OpenImport);
  if (!canAccess) return null;
  return (
    <Button label="resources.products.import.action" onClick={open} variant={variant} data-testid="product-import-button">
      <UploadIcon />
    </Button>
  );
};
