import {
  BooleanField,
  ChipField,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  ReferenceArrayField,
  SearchInput,
  SelectField,
  SingleFieldList,
  TopToolbar,
} from 'react-admin';
import { roleChoices } from './user-choices';

const userFilters = [<SearchInput key="q" source="q" alwaysOn />];

// Exports stay within the API's largest page (500 rows).
const UserListActions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton maxResults={500} />
  </TopToolbar>
);

export const UserList = () => (
  <List filters={userFilters} sort={{ field: 'name', order: 'ASC' }} actions={<UserListActions />}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="storeIds" disableSort>
        <ReferenceArrayField source="storeIds" reference="stores">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </DataTable>
  </List>
);
