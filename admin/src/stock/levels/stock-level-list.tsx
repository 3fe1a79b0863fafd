import { useState, type ReactElement } from 'react';
import {
  DataTable,
  List,
  NumberField,
  SearchInput,
  TopToolbar,
  useListContext,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Box, Chip, FormControlLabel, IconButton, Switch, Tooltip } from '@mui/material';
import AddBoxIcon from '@mui/icons-material/AddBox';
import ChecklistIcon from '@mui/icons-material/Checklist';
import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import TuneIcon from '@mui/icons-material/Tune';
import { canEditStock } from '../../auth/roles';
import type { ManualMovementKind, Role, StockLevel } from '../../types';
import { StoreScoped } from '../../stores';
import { manualKinds } from '../stock-choices';
import { MovementDialog } from './movement-dialog';

const kindIcons: Record<ManualMovementKind, ReactElement> = {
  adjustment: <TuneIcon />,
  delivery: <AddBoxIcon />,
  count: <ChecklistIcon />,
  waste: <DeleteSweepIcon />,
};

/** A switch rather than a filter input: "only low stock" is on or off, never "not low". */
const LowStockSwitch = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const checked = filterValues.lowStock === true;
  return (
    <FormControlLabel
      control={
        <Switch
          checked={checked}
          onChange={(event) => {
            const { lowStock: _dropped, ...rest } = filterValues;
            setFilters(event.target.checked ? { ...rest, lowStock: true } : rest, displayedFilters);
          }}
        />
      }
      label={translate('kassa.stock.only_low')}
    />
  );
};

const stockLevelFilters = [<SearchInput key="q" source="q" alwaysOn />];

const StockLevelActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <LowStockSwitch />
  </TopToolbar>
);

const OnHandField = () => {
  const record = useRecordContext<StockLevel>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, whiteSpace: 'nowrap' }}>
      <NumberField source="onHand" />
      {record.low && <Chip size="small" color="error" label={translate('kassa.stock.low')} />}
    </Box>
  );
};

const UnitField = () => {
  const record = useRecordContext<StockLevel>();
  const translate = useTranslate();
  return record ? <>{translate(`kassa.units.${record.unit}`)}</> : null;
};

// Icon buttons keep the row narrow; each names its action to screen readers and in a tooltip.
const MovementButtons = () => {
  const record = useRecordContext<StockLevel>();
  const translate = useTranslate();
  const [open, setOpen] = useState<ManualMovementKind | null>(null);
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'nowrap' }} onClick={(event) => event.stopPropagation()}>
      {manualKinds.map((kind) => {
        const label = translate(`kassa.stock.actions.${kind}`);
        return (
          <Tooltip key={kind} title={label}>
            <IconButton aria-label={label} onClick={() => setOpen(kind)} size="small" color="primary">
              {kindIcons[kind]}
            </IconButton>
          </Tooltip>
        );
      })}
      {open !== null && <MovementDialog kind={open} level={record} onClose={() => setOpen(null)} />}
    </Box>
  );
};

const StockLevelTable = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <DataTable rowClick={canEditStock(permissions) ? 'edit' : false} bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="sku" />
      <DataTable.Col source="onHand" align="right">
        <OnHandField />
      </DataTable.Col>
      <DataTable.Col source="reserved" align="right" field={NumberField} />
      <DataTable.Col source="available" align="right" field={NumberField} />
      <DataTable.Col source="unit">
        <UnitField />
      </DataTable.Col>
      <DataTable.Col source="lowStockThreshold" align="right" field={NumberField} />
      <DataTable.Col source="parLevel" align="right" field={NumberField} />
      {canEditStock(permissions) ? (
        <DataTable.Col label="kassa.stock.record" disableSort>
          <MovementButtons />
        </DataTable.Col>
      ) : null}
    </DataTable>
  );
};

/** On hand, reserved and available per item at the current store, with the movement forms. */
export const StockLevelList = () => (
  <StoreScoped>
    {(storeId) => (
      <List
        key={storeId}
        filter={{ storeId }}
        filters={stockLevelFilters}
        sort={{ field: 'name', order: 'ASC' }}
        perPage={50}
        actions={<StockLevelActions />}
      >
        <StockLevelTable />
      </List>
    )}
  </StoreScoped>
);
