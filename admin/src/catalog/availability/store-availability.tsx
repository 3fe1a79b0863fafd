import {
  BooleanField,
  Button,
  DataTable,
  List,
  ReferenceInput,
  SelectInput,
  useGetList,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { Box, FormControlLabel, Switch, Typography } from '@mui/material';
import TuneIcon from '@mui/icons-material/Tune';
import { canEditCatalog, canMarkSoldOut } from '../../auth/roles';
import { API_ORDER } from '../../data/data-provider';
import { MoneyField } from '../../money';
import { StorePicker, storeToday, useCurrentStore } from '../../stores';
import type { Category, Product, ProductOverride, Role, Store } from '../../types';
import { LocalizedName, useLocalizedName } from '../localized-name';
import { ProductSearchInput } from '../product-search-input';
import { useSoldOut } from './use-sold-out';

/** A product row with what its store has changed about it. */
type AvailabilityRow = Product & { override?: ProductOverride };

const CategoryFilter = () => {
  const name = useLocalizedName();
  return (
    <ReferenceInput source="categoryId" reference="categories" sort={{ field: 'position', order: 'ASC' }} perPage={500}>
      <SelectInput optionText={(record: Category) => name(record)} />
    </ReferenceInput>
  );
};

const availabilityFilters = [
  <ProductSearchInput key="q" source="q" alwaysOn />,
  <CategoryFilter key="categoryId" />,
];

interface Store86Props {
  store: Store;
  overrides: Map<string, ProductOverride>;
}

const SoldOutToggle = ({ store }: { store: Store }) => {
  const record = useRecordContext<AvailabilityRow>();
  const translate = useTranslate();
  const name = useLocalizedName();
  const { permissions } = usePermissions<Role>();
  const { markSoldOut, pendingProductId } = useSoldOut();
  if (!record) return null;
  const soldOut = record.override?.soldOutDate != null && record.override.soldOutDate >= storeToday(store);
  return (
    <FormControlLabel
      onClick={(event) => event.stopPropagation()}
      control={
        <Switch
          color="error"
          checked={soldOut}
          disabled={!canMarkSoldOut(permissions) || pendingProductId === record.id}
          onChange={(event) => void markSoldOut({ storeId: store.id, productId: record.id, soldOut: event.target.checked })}
          slotProps={{ input: { 'aria-label': translate('kassa.availability.sold_out_for', { name: name(record) }) } }}
        />
      }
      label={soldOut ? translate('kassa.availability.sold_out') : translate('kassa.availability.on_sale')}
    />
  );
};

const OverrideButton = ({ store }: { store: Store }) => {
  const record = useRecordContext<AvailabilityRow>();
  if (!record) return null;
  const to = record.override
    ? `/product-overrides/${encodeURIComponent(record.override.id)}`
    : '/product-overrides/create';
  return (
    <Button
      component={Link}
      to={to}
      state={record.override ? undefined : { record: { storeId: store.id, productId: record.id } }}
      label="kassa.availability.store_settings"
      onClick={(event) => event.stopPropagation()}
    >
      <TuneIcon />
    </Button>
  );
};

// Without an override a product is listed and available at the catalogue price.
const flag = (id: string, value: boolean) => <BooleanField record={{ id, value }} source="value" />;

/** The products of the current page, each with its override at this store. */
const AvailabilityTable = ({ store, overrides }: Store86Props) => {
  const { data } = useListContext<Product>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const rows: AvailabilityRow[] | undefined = data?.map((product) => ({ ...product, override: overrides.get(product.id) }));
  return (
    <DataTable data={rows} rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="nameSv" label="kassa.availability.product">
        <LocalizedName />
      </DataTable.Col>
      <DataTable.Col source="sku" label="resources.products.fields.sku" />
      <DataTable.Col source="price" label="kassa.availability.base_price" align="right" disableSort>
        <MoneyField source="price" />
      </DataTable.Col>
      <DataTable.Col source="override.price" label="resources.product-overrides.fields.price" align="right" disableSort>
        <MoneyField source="override.price" emptyText="–" />
      </DataTable.Col>
      <DataTable.Col
        source="override.listed"
        label="resources.product-overrides.fields.listed"
        disableSort
        render={(row: AvailabilityRow) => flag(row.id, row.override?.listed ?? true)}
      />
      <DataTable.Col
        source="override.available"
        label="resources.product-overrides.fields.available"
        disableSort
        render={(row: AvailabilityRow) => flag(row.id, row.override?.available ?? true)}
      />
      <DataTable.Col label="kassa.availability.sold_out_today" disableSort>
        <SoldOutToggle store={store} />
      </DataTable.Col>
      {canEditCatalog(permissions) ? (
        <DataTable.Col label={translate('kassa.availability.store_settings')} disableSort>
          <OverrideButton store={store} />
        </DataTable.Col>
      ) : null}
    </DataTable>
  );
};

/** Per store: which products it sells, at what price, and the "86" button for today. */
export const StoreAvailability = () => {
  const current = useCurrentStore();
  const translate = useTranslate();
  const store = current.stores.find((candidate) => candidate.id === current.storeId);
  const { data: overrideList } = useGetList<ProductOverride>(
    'product-overrides',
    { filter: { storeId: current.storeId }, pagination: { page: 1, perPage: 500 }, sort: API_ORDER },
    { enabled: current.storeId !== undefined },
  );
  const overrides = new Map((overrideList ?? []).map((override) => [override.productId, override]));

  if (store === undefined) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {current.isPending ? '' : translate('kassa.current_store.none')}
      </Typography>
    );
  }
  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', pt: 2 }}>
        <StorePicker current={current} />
      </Box>
      <List
        resource="products"
        storeKey="kassa.availability"
        title="kassa.availability.title"
        filters={availabilityFilters}
        filter={{ active: true }}
        sort={{ field: 'nameSv', order: 'ASC' }}
        actions={false}
      >
        <AvailabilityTable store={store} overrides={overrides} />
      </List>
    </>
  );
};
