import { DataTable, ExportButton, List, NumberField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import type { ReorderSuggestion } from '../../types';
import { StoreScoped } from '../../stores';

const UnitField = () => {
  const record = useRecordContext<ReorderSuggestion>();
  const translate = useTranslate();
  return record ? <>{translate(`kassa.units.${record.unit}`)}</> : null;
};

const ReorderActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <ExportButton maxResults={500} />
  </TopToolbar>
);

/** What to order for the current store: par level minus what is available, for items under their threshold. */
export const ReorderSuggestionList = () => (
  <StoreScoped>
    {(storeId) => (
      <List
        key={storeId}
        filter={{ storeId }}
        sort={{ field: 'name', order: 'ASC' }}
        perPage={100}
        actions={<ReorderActions />}
        empty={false}
      >
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="sku" />
          <DataTable.Col source="available" align="right" field={NumberField} />
          <DataTable.Col source="lowStockThreshold" align="right" field={NumberField} disableSort />
          <DataTable.Col source="parLevel" align="right" field={NumberField} disableSort />
          <DataTable.Col source="suggestedQuantity" align="right" field={NumberField} />
          <DataTable.Col source="unit" disableSort>
            <UnitField />
          </DataTable.Col>
        </DataTable>
      </List>
    )}
  </StoreScoped>
);
