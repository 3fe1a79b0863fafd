import {
  Create,
  DataTable,
  DeleteButton,
  Edit,
  FormDataConsumer,
  List,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useLocale,
  usePermissions,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { Box } from '@mui/material';
import { canEditPickup } from '../auth/roles';
import { WEEKDAYS } from '../data/pickup-schedule-form';
import { StoreScoped } from '../stores';
import type { CapacityRule, Role } from '../types';
import { longDate, validateCloses, validateOpens } from './clock';
import { useStoreMeta } from './use-store-meta';

type RuleScope = 'weekday' | 'date';
type CapacityRuleForm = Partial<CapacityRule> & { scope?: RuleScope };

export type CapacityRuleInput = Omit<CapacityRule, 'id' | 'storeId'>;

const capOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A rule is for a weekday or for one date, never both: the other one is sent as null. */
export const toCapacityRuleInput = ({ scope, ...data }: CapacityRuleForm): Partial<CapacityRuleInput> => ({
  weekday: scope === 'weekday' ? (data.weekday ?? null) : null,
  date: scope === 'date' ? (data.date ?? null) : null,
  start: data.start,
  end: data.end,
  maxOrders: capOrNull(data.maxOrders),
  maxItems: capOrNull(data.maxItems),
  maxKitchenMinutes: capOrNull(data.maxKitchenMinutes),
});

const wholeNumber: Validator = (value) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'kassa.pickup.whole_number';
const cap = [wholeNumber, minValue(0), maxValue(100_000)];

/** "Every Monday" or the date written out. */
const useAppliesText = () => {
  const translate = useTranslate();
  const locale = useLocale();
  return (rule: Pick<CapacityRule, 'weekday' | 'date'>) =>
    rule.date
      ? longDate(rule.date, locale)
      : translate('kassa.pickup.rules.every', { weekday: translate(`kassa.pickup.weekdays.${rule.weekday}`).toLowerCase() });
};

const AppliesText = () => {
  const record = useRecordContext<CapacityRule>();
  const applies = useAppliesText();
  return record ? <>{applies(record)}</> : null;
};

const CapText = ({ source }: { source: 'maxOrders' | 'maxItems' | 'maxKitchenMinutes' }) => {
  const record = useRecordContext<CapacityRule>();
  const translate = useTranslate();
  if (!record) return null;
  const value = record[source];
  return <>{value === null ? translate('kassa.pickup.rules.default') : value}</>;
};

/** Per weekday time range or per date: how much the slots there may take. */
export const CapacityRuleList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <StoreScoped>
      {(storeId) => (
        <List
          key={storeId}
          filter={{ storeId }}
          sort={{ field: 'weekday', order: 'ASC' }}
          perPage={50}
          queryOptions={{ meta: { storeId } }}
          exporter={false}
        >
          <DataTable rowClick={canEditPickup(permissions) ? 'edit' : false} bulkActionButtons={false}>
            <DataTable.Col source="weekday" label="kassa.pickup.rules.applies">
              <AppliesText />
            </DataTable.Col>
            <DataTable.Col
              source="start"
              label="kassa.pickup.rules.hours"
              render={(rule: CapacityRule) => `${rule.start}–${rule.end}`}
            />
            <DataTable.Col source="maxOrders" align="right" disableSort>
              <CapText source="maxOrders" />
            </DataTable.Col>
            <DataTable.Col source="maxItems" align="right" disableSort>
              <CapText source="maxItems" />
            </DataTable.Col>
            <DataTable.Col source="maxKitchenMinutes" align="right" disableSort>
              <CapText source="maxKitchenMinutes" />
            </DataTable.Col>
          </DataTable>
        </List>
      )}
    </StoreScoped>
  );
};

const RuleTitle = () => {
  const record = useRecordContext<CapacityRule>();
  const translate = useTranslate();
  const applies = useAppliesText();
  return <span>{record ? translate('kassa.pickup.rules.edit_title', { applies: applies(record) }) : ''}</span>;
};

const RuleToolbar = ({ deletable, storeId }: { deletable: boolean; storeId: string | undefined }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {deletable && <DeleteButton mutationMode="pessimistic" mutationOptions={{ meta: { storeId } }} redirect="list" />}
  </Toolbar>
);

const ScopeInput = () => {
  const record = useRecordContext<CapacityRule>();
  return (
    <RadioButtonGroupInput
      source="scope"
      label="kassa.pickup.rules.applies_to"
      defaultValue={record?.date ? 'date' : 'weekday'}
      choices={[
        { id: 'weekday', name: 'kassa.pickup.rules.scopes.weekday' },
        { id: 'date', name: 'kassa.pickup.rules.scopes.date' },
      ]}
    />
  );
};

const RuleForm = ({ isNew = false, storeId }: { isNew?: boolean; storeId: string | undefined }) => {
  const translate = useTranslate();
  const weekdayChoices = WEEKDAYS.map((weekday) => ({ id: weekday, name: translate(`kassa.pickup.weekdays.${weekday}`) }));
  return (
    <SimpleForm
      defaultValues={isNew ? { weekday: 1, date: null, maxOrders: null, maxItems: null, maxKitchenMinutes: null } : undefined}
      toolbar={<RuleToolbar deletable={!isNew} storeId={storeId} />}
      sx={{ maxWidth: 640 }}
    >
      <ScopeInput />
      <FormDataConsumer<CapacityRuleForm>>
        {({ formData }) =>
          formData.scope === 'date' ? (
            <TextInput source="date" type="date" validate={required()} slotProps={{ inputLabel: { shrink: true } }} />
          ) : (
            <SelectInput source="weekday" choices={weekdayChoices} translateChoice={false} validate={required()} />
          )
        }
      </FormDataConsumer>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextInput source="start" placeholder="11:30" validate={[required(), validateOpens]} helperText="kassa.pickup.rules.range_help" />
        <TextInput source="end" placeholder="13:00" validate={[required(), validateCloses]} helperText={false} />
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <NumberInput source="maxOrders" step={1} validate={cap} helperText="kassa.pickup.rules.cap_help" />
        <NumberInput source="maxItems" step={1} validate={cap} helperText={false} />
        <NumberInput source="maxKitchenMinutes" step={5} validate={cap} helperText={false} />
      </Box>
    </SimpleForm>
  );
};

export const CapacityRuleEdit = () => {
  const { meta, ready, storeId } = useStoreMeta();
  return (
    <Edit
      title={<RuleTitle />}
      mutationMode="pessimistic"
      transform={toCapacityRuleInput}
      redirect="list"
      queryOptions={{ meta, enabled: ready }}
      mutationOptions={{ meta }}
    >
      <RuleForm storeId={storeId} />
    </Edit>
  );
};

export const CapacityRuleCreate = () => {
  const { meta, storeId } = useStoreMeta();
  return (
    <Create transform={toCapacityRuleInput} redirect="list" mutationOptions={{ meta }}>
      <RuleForm isNew storeId={storeId} />
    </Create>
  );
};
