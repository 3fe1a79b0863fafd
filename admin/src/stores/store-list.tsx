import {
  BooleanField,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  SearchInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { canCreateStores, canEditStores } from '../auth/roles';
import type { Role } from '../types';

const storeFilters = [<SearchInput key="q" source="q" alwaysOn />];

// Exports stay within the API's largest page (500 rows).
const StoreListActions = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <TopToolbar>
      {canCreateStores(permissions) && <CreateButton />}
      <ExportButton maxResults={500} />
    </TopToolbar>
  );
};

export const StoreList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <List filters={storeFilters} sort={{ field: 'name', order: 'ASC' }} actions={<StoreListActions />}>
      <DataTable rowClick={canEditStores(permissions) ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="city" />
        <DataTable.Col source="timezone" disableSort />
        <DataTable.Col source="currency" disableSort />
        <DataTable.Col source="acceptingOrders" field={BooleanField} disableSort />
      </DataTable>
    </List>
  );
};
