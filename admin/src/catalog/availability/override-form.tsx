import {
  BooleanInput,
  Create,
  DateInput,
  DeleteButton,
  Edit,
  FormDataConsumer,
  SaveButton,
  SimpleForm,
  Toolbar,
  useGetOne,
  useLocale,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import { formatMoney, KronorInput } from '../../money';
import type { Product, ProductOverride, Store } from '../../types';
import { useLocalizedName } from '../localized-name';

export type OverrideUpdateInput = Pick<ProductOverride, 'price' | 'available' | 'listed' | 'soldOutDate'>;
export type OverrideCreateInput = OverrideUpdateInput & Pick<ProductOverride, 'storeId' | 'productId'>;

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && !Number.isNaN(value) ? value : null);

export const toOverrideUpdateInput = (data: Partial<ProductOverride>): Partial<OverrideUpdateInput> => ({
  price: numberOrNull(data.price),
  available: data.available ?? true,
  listed: data.listed ?? true,
  soldOutDate: data.soldOutDate || null,
});

export const toOverrideCreateInput = (data: Partial<ProductOverride>): Partial<OverrideCreateInput> => ({
  storeId: data.storeId,
  productId: data.productId,
  ...toOverrideUpdateInput(data),
});

/** Which product at which store; read from the form, so it also works while creating. */
const OverrideHeading = () => (
  <FormDataConsumer<Partial<ProductOverride>>>
    {({ formData }) => <HeadingFor productId={formData.productId} storeId={formData.storeId} />}
  </FormDataConsumer>
);

const HeadingFor = ({ productId, storeId }: { productId: string | undefined; storeId: string | undefined }) => {
  const translate = useTranslate();
  const name = useLocalizedName();
  const locale = useLocale();
  const { data: product } = useGetOne<Product>('products', { id: productId ?? '' }, { enabled: Boolean(productId) });
  const { data: store } = useGetOne<Store>('stores', { id: storeId ?? '' }, { enabled: Boolean(storeId) });
  if (!product) return null;
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="h6" component="h2">
        {name(product)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[store?.name, `${translate('kassa.availability.base_price')} ${formatMoney(product.price, locale)}`]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </Box>
  );
};

const OverrideToolbar = ({ deletable }: { deletable: boolean }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {deletable && <DeleteButton mutationMode="pessimistic" label="kassa.availability.reset" redirect="list" />}
  </Toolbar>
);

const OverrideForm = ({ isNew = false }: { isNew?: boolean }) => (
  <SimpleForm
    defaultValues={isNew ? { price: null, available: true, listed: true, soldOutDate: null } : undefined}
    toolbar={<OverrideToolbar deletable={!isNew} />}
    sx={{ maxWidth: 640 }}
  >
    <OverrideHeading />
    <KronorInput source="price" helperText="kassa.availability.price_help" />
    <BooleanInput source="listed" helperText="kassa.availability.listed_help" />
    <BooleanInput source="available" helperText="kassa.availability.available_help" />
    <DateInput source="soldOutDate" helperText="kassa.availability.sold_out_date_help" />
  </SimpleForm>
);

export const ProductOverrideEdit = () => (
  <Edit title="kassa.availability.store_settings" mutationMode="pessimistic" transform={toOverrideUpdateInput} redirect="list">
    <OverrideForm />
  </Edit>
);

// Opened from a product's row, which passes storeId and productId as the new record.
export const ProductOverrideCreate = () => (
  <Create title="kassa.availability.store_settings" transform={toOverrideCreateInput} redirect="list">
    <OverrideForm isNew />
  </Create>
);
