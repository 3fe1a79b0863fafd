import {
  BooleanField,
  CreateButton,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { canEditCatalog } from '../../auth/roles';
import type { Category, Role } from '../../types';
import { LocalizedName, useLocalizedName } from '../localized-name';

const ParentFilter = () => {
  const name = useLocalizedName();
  return (
    <ReferenceInput source="parentId" reference="categories" sort={{ field: 'position', order: 'ASC' }} perPage={500}>
      <SelectInput optionText={(record: Category) => name(record)} />
    </ReferenceInput>
  );
};

const categoryFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ParentFilter key="parentId" />,
  <NullableBooleanInput key="active" source="active" />,
];

const CategoryListActions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canEditCatalog(permissions) && <CreateButton />}</TopToolbar>;
};

export const CategoryList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <List
      filters={categoryFilters}
      sort={{ field: 'position', order: 'ASC' }}
      perPage={50}
      actions={<CategoryListActions />}
    >
      <DataTable rowClick={canEditCatalog(permissions) ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="position" />
        <DataTable.Col source="nameSv" />
        <DataTable.Col source="nameEn" />
        <DataTable.Col source="parentId" disableSort>
          <ReferenceField source="parentId" reference="categories" link={false}>
            <LocalizedName />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="active" field={BooleanField} disableSort />
      </DataTable>
    </List>
  );
};
