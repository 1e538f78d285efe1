import ProductIcon from '@mui/icons-material/Category';
import { Box, Typography } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { DATE_TIME_MINUTES, LocaleDateField } from '../../components/LocaleDateField';
import { MONO } from '../../components/ShowSection';
import { AttributeChips } from './components/AttributeChips';
import { PriceField } from './components/PriceField';
import { ImportProductsButton, ImportWizardHost } from './import/ImportProductsButton';
import { CURRENCIES, currencyLabel } from './money';
import type { Product } from './types';

const Search = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.products.search_hint')} />;
};

const CurrencyFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const [locale] = useLocaleState();
  const choices = CURRENCIES.map((code) => ({ id: code, name: currencyLabel(code, locale) }));
  return <SelectInput {...props} choices={choices} emptyText="" />;
};

const filters = [
  <Search key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
  <CurrencyFilter key="currency" source="currency" alwaysOn />,
];

const Empty = () => {
  const translate = useTranslate();
  return (
    <Box data-testid="products-empty" sx={{ textAlign: 'center', m: 'auto', py: 8, px: 2, maxWidth: 560 }}>
      <ProductIcon sx={{ fontSize: 72, color: 'text.disabled' }} />
      <Typography variant="h5" gutterBottom>
        {translate('resources.products.empty.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {translate('resources.products.empty.body')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'center' }}>
        <CreateButton variant="contained" />
        <ImportProductsButton variant="outlined" />
      </Box>
    </Box>
  );
};

const Actions = () => (
  <TopToolbar>
    <ImportProductsButton />
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<Product>;

const nowrap = { whiteSpace: 'nowrap' } as const;

const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;

export const ProductList = () => (
  <ImportWizardHost>
    <List
      sort={{ field: 'updatedAt', order: 'DESC' }}
      perPage={25}
      filters={filters}
      empty={<Empty />}
      exporter={false}
      actions={<Actions />}
    >
      <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
        <Column source="sku" sx={nowrap}>
          <TextField source="sku" sx={{ fontFamily: MONO, fontWeight: 500 }} />
        </Column>
        <Column source="name" sx={{ minWidth: 160 }} />
        <Column source="attributes" disableSort sx={{ width: '100%' }}>
          <AttributeChips />
        </Column>
        <Column source="priceMinor" align="right">
          <PriceField />
        </Column>
        <Column source="active" align="center">
          <BooleanField source="active" />
        </Column>
        <Column source="updatedAt" sx={nowrap}>
          <LocaleDateField source="updatedAt" options={DATE_TIME_MINUTES} />
        </Column>
      </DataTable>
    </List>
  </ImportWizardHost>
);

export default ProductList;
