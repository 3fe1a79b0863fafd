import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { canEditStock } from '../../auth/roles';
import { LocalizedName } from '../../catalog';
import type { Role } from '../../types';
import { unitChoices } from '../stock-choices';

const stockItemFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="unit" source="unit" choices={unitChoices} />,
];

const StockItemActions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canEditStock(permissions) && <CreateButton />}</TopToolbar>;
};

/** Ingredients (grams, millilitres, pieces) and the stock of products that track their own. */
export const StockItemList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <List filters={stockItemFilters} sort={{ field: 'name', order: 'ASC' }} actions={<StockItemActions />}>
      <DataTable rowClick={canEditStock(permissions) ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="sku" />
        <DataTable.Col source="unit">
          <SelectField source="unit" choices={unitChoices} />
        </DataTable.Col>
        <DataTable.Col source="productId" disableSort>
          <ReferenceField source="productId" reference="products" link={false} emptyText="–">
            <LocalizedName />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="allowBackorder" field={BooleanField} disableSort />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
