import {
  AutocompleteInput,
  DataTable,
  DateField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  usePermissions,
  useLocale,
  useRecordContext,
} from 'react-admin';
import { canManageUsers } from '../../auth/roles';
import type { Role, StockMovement } from '../../types';
import { movementKindChoices } from '../stock-choices';
import { StoreScoped } from '../../stores';

const movementFilters = [
  <ReferenceInput key="stockItemId" source="stockItemId" reference="stock-items" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={movementKindChoices} alwaysOn />,
];

/** Signed, so a delivery reads +24 and waste −2 (a true minus sign in both languages). */
const SignedQuantity = () => {
  const record = useRecordContext<StockMovement>();
  const locale = useLocale();
  if (!record) return null;
  const text = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { signDisplay: 'exceptZero' }).format(record.quantity);
  return <>{text.replace('-', '−')}</>;
};

const MovementTable = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="stockItemId" disableSort>
        <ReferenceField source="stockItemId" reference="stock-items" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={movementKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="quantity" align="right">
        <SignedQuantity />
      </DataTable.Col>
      <DataTable.Col source="onHandAfter" align="right" field={NumberField} disableSort />
      <DataTable.Col source="reason" disableSort />
      {/* Staff may not read users; the column is for those who may. */}
      {canManageUsers(permissions) ? (
        <DataTable.Col source="userId" disableSort>
          <ReferenceField source="userId" reference="users" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
      ) : null}
    </DataTable>
  );
};

/** The ledger at the current store, newest first. */
export const StockMovementList = () => (
  <StoreScoped>
    {(storeId) => (
      <List
        key={storeId}
        filter={{ storeId }}
        filters={movementFilters}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={50}
        actions={false}
      >
        <MovementTable />
      </List>
    )}
  </StoreScoped>
);
