import {
  Edit,
  minValue,
  number,
  NumberInput,
  SaveButton,
  SimpleForm,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { StockLevel } from '../../types';

export type StockLevelInput = Partial<Pick<StockLevel, 'lowStockThreshold' | 'parLevel'>>;

// An emptied field is left out (kept as it was); 0 turns the threshold off.
const wholeOrUndefined = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

export const toStockLevelInput = (data: Partial<StockLevel>): StockLevelInput => ({
  lowStockThreshold: wholeOrUndefined(data.lowStockThreshold),
  parLevel: wholeOrUndefined(data.parLevel),
});

const StockLevelTitle = () => {
  const record = useRecordContext<StockLevel>();
  const translate = useTranslate();
  return <span>{record ? translate('kassa.stock.edit_title', { name: record.name }) : ''}</span>;
};

const StockLevelToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Only the thresholds are edited here; quantities change through movements. */
export const StockLevelEdit = () => (
  <Edit title={<StockLevelTitle />} mutationMode="pessimistic" transform={toStockLevelInput} redirect="list">
    <SimpleForm toolbar={<StockLevelToolbar />} sx={{ maxWidth: 640 }}>
      <NumberInput
        source="lowStockThreshold"
        step={1}
        validate={[number(), minValue(0)]}
        helperText="kassa.stock.threshold_help"
      />
      <NumberInput source="parLevel" step={1} validate={[number(), minValue(0)]} helperText="kassa.stock.par_help" />
    </SimpleForm>
  </Edit>
);
