import {
  BooleanField,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { canEditCatalog } from '../../auth/roles';
import { MoneyField } from '../../money';
import type { Category, Role } from '../../types';
import { LocalizedName, useLocalizedName } from '../localized-name';
import { ProductSearchInput } from '../product-search-input';
import { vatRateChoices } from './product-choices';

const CategoryFilter = () => {
  const name = useLocalizedName();
  return (
    <ReferenceInput source="categoryId" reference="categories" sort={{ field: 'position', order: 'ASC' }} perPage={500}>
      <SelectInput optionText={(record: Category) => name(record)} />
    </ReferenceInput>
  );
};

const productFilters = [
  <ProductSearchInput key="q" source="q" alwaysOn />,
  <CategoryFilter key="categoryId" />,
  <NullableBooleanInput key="active" source="active" />,
];

const ProductListActions = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <TopToolbar>
      {canEditCatalog(permissions) && <CreateButton />}
      <ExportButton maxResults={500} />
    </TopToolbar>
  );
};

export const ProductList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <List filters={productFilters} sort={{ field: 'nameSv', order: 'ASC' }} actions={<ProductListActions />}>
      <DataTable rowClick={canEditCatalog(permissions) ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="nameSv" />
        <DataTable.Col source="sku" />
        <DataTable.Col source="categoryId" disableSort>
          <ReferenceField source="categoryId" reference="categories" link={false}>
            <LocalizedName />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="price" align="right">
          <MoneyField source="price" />
        </DataTable.Col>
        <DataTable.Col source="vatRate" disableSort>
          <SelectField source="vatRate" choices={vatRateChoices} />
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} disableSort />
      </DataTable>
    </List>
  );
};
