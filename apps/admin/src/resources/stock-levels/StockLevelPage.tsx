import { StockCheckPanel } from '../stock-reconcile-runs/StockCheckPanel';
import { StockLevelList } from './StockLevelList';

/** The stock screen: the last stock check (for those who run them) above the live stock list. */
export const StockLevelPage = () => (
  <>
    <StockCheckPanel />
    <StockLevelList />
  </>
);

export default StockLevelPage;
