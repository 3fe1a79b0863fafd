import {
  BooleanInput,
  Create,
  Edit,
  maxLength,
  ReferenceField,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { LocalizedName } from '../../catalog';
import type { StockItem } from '../../types';
import { unitChoices } from '../stock-choices';

export type StockItemInput = Pick<StockItem, 'sku' | 'name' | 'unit' | 'allowBackorder'>;

// A product's own stock item is made by the product form; here only ingredients are created.
export const toStockItemInput = (data: Partial<StockItem>): Partial<StockItemInput> => ({
  sku: data.sku?.trim(),
  name: data.name,
  unit: data.unit,
  allowBackorder: data.allowBackorder ?? false,
});

const StockItemTitle = () => {
  const record = useRecordContext<StockItem>();
  const translate = useTranslate();
  return <span>{record ? translate('kassa.stock_items.edit_title', { name: record.name }) : ''}</span>;
};

const ProductNote = () => {
  const record = useRecordContext<StockItem>();
  const translate = useTranslate();
  if (!record?.productId) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      {translate('kassa.stock_items.product_note')}{' '}
      <ReferenceField source="productId" reference="products" link="edit">
        <LocalizedName />
      </ReferenceField>
    </Typography>
  );
};

const StockItemToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const StockItemForm = ({ isNew = false }: { isNew?: boolean }) => (
  <SimpleForm
    defaultValues={isNew ? { unit: 'g', allowBackorder: false } : undefined}
    toolbar={<StockItemToolbar />}
    sx={{ maxWidth: 640 }}
  >
    <ProductNote />
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="sku" validate={[required(), maxLength(64)]} />
    <SelectInput source="unit" choices={unitChoices} validate={required()} />
    <BooleanInput source="allowBackorder" helperText="kassa.stock_items.backorder_help" />
  </SimpleForm>
);

export const StockItemEdit = () => (
  <Edit title={<StockItemTitle />} mutationMode="pessimistic" transform={toStockItemInput} redirect="list">
    <StockItemForm />
  </Edit>
);

export const StockItemCreate = () => (
  <Create transform={toStockItemInput} redirect="list">
    <StockItemForm isNew />
  </Create>
);
