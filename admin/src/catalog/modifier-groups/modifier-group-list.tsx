import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SingleFieldList,
  ArrayField,
  TopToolbar,
  useLocale,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { Chip } from '@mui/material';
import { canEditCatalog } from '../../auth/roles';
import { formatMoney } from '../../money';
import type { ModifierOption, Role } from '../../types';
import { localizedName } from '../localized-name';

const modifierGroupFilters = [<SearchInput key="q" source="q" alwaysOn />];

const OptionChip = () => {
  const option = useRecordContext<ModifierOption & { id: string }>();
  const locale = useLocale();
  if (!option) return null;
  const price = option.priceDelta === 0 ? '' : ` ${option.priceDelta > 0 ? '+' : ''}${formatMoney(option.priceDelta, locale)}`;
  return (
    <Chip
      size="small"
      label={`${localizedName(option, locale)}${price}`}
      variant={option.active ? 'filled' : 'outlined'}
      sx={{ mr: 0.5, mb: 0.5 }}
    />
  );
};

const ModifierGroupListActions = () => {
  const { permissions } = usePermissions<Role>();
  return <TopToolbar>{canEditCatalog(permissions) && <CreateButton />}</TopToolbar>;
};

export const ModifierGroupList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <List filters={modifierGroupFilters} sort={{ field: 'nameSv', order: 'ASC' }} actions={<ModifierGroupListActions />}>
      <DataTable rowClick={canEditCatalog(permissions) ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="nameSv" />
        <DataTable.Col source="nameEn" />
        <DataTable.Col source="minSelections" disableSort />
        <DataTable.Col source="maxSelections" disableSort />
        <DataTable.Col source="options" disableSort>
          <ArrayField source="options">
            <SingleFieldList linkType={false}>
              <OptionChip />
            </SingleFieldList>
          </ArrayField>
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
