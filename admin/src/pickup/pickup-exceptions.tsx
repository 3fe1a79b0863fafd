import {
  BooleanInput,
  Create,
  DataTable,
  DeleteButton,
  Edit,
  FormDataConsumer,
  List,
  maxLength,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useLocale,
  usePermissions,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { canEditPickup } from '../auth/roles';
import { StoreScoped } from '../stores';
import type { PickupException, Role } from '../types';
import { longDate } from './clock';
import { useStoreMeta } from './use-store-meta';
import { WindowsInput } from './windows-input';

export type PickupExceptionInput = Pick<PickupException, 'date' | 'closed' | 'windows' | 'note'>;

export const toPickupExceptionInput = (data: Partial<PickupException>): Partial<PickupExceptionInput> => ({
  date: data.date,
  closed: data.closed ?? false,
  windows: data.closed ? [] : (data.windows ?? []).map(({ start, end }) => ({ start, end })),
  note: data.note?.trim() ? data.note.trim() : null,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate: Validator = (value) => (typeof value === 'string' && DATE.test(value) ? undefined : 'ra.validation.required');

// Mirrors the API: a day that is not closed needs its hours.
const hoursWhenOpen: Validator = (value, values) =>
  (values as Partial<PickupException>).closed || (Array.isArray(value) && value.length > 0)
    ? undefined
    : 'kassa.pickup.exceptions.hours_required';

const DateText = () => {
  const record = useRecordContext<PickupException>();
  const locale = useLocale();
  return record ? <>{longDate(record.date, locale)}</> : null;
};

const HoursText = () => {
  const record = useRecordContext<PickupException>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {record.closed
        ? translate('kassa.pickup.exceptions.closed_all_day')
        : record.windows.map((window) => `${window.start}–${window.end}`).join(', ')}
    </>
  );
};

/** Closed dates and special hours of the current store, soonest first. */
export const PickupExceptionList = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <StoreScoped>
      {(storeId) => (
        <List
          key={storeId}
          filter={{ storeId }}
          sort={{ field: 'date', order: 'ASC' }}
          perPage={50}
          queryOptions={{ meta: { storeId } }}
          exporter={false}
        >
          <DataTable rowClick={canEditPickup(permissions) ? 'edit' : false} bulkActionButtons={false}>
            <DataTable.Col source="date">
              <DateText />
            </DataTable.Col>
            <DataTable.Col source="windows" label="resources.pickup-exceptions.fields.windows" disableSort>
              <HoursText />
            </DataTable.Col>
            <DataTable.Col source="note" disableSort />
          </DataTable>
        </List>
      )}
    </StoreScoped>
  );
};

const ExceptionTitle = () => {
  const record = useRecordContext<PickupException>();
  const translate = useTranslate();
  const locale = useLocale();
  return <span>{record ? translate('kassa.pickup.exceptions.edit_title', { date: longDate(record.date, locale) }) : ''}</span>;
};

const ExceptionToolbar = ({ deletable, storeId }: { deletable: boolean; storeId: string | undefined }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {deletable && <DeleteButton mutationMode="pessimistic" mutationOptions={{ meta: { storeId } }} redirect="list" />}
  </Toolbar>
);

const ExceptionForm = ({ isNew = false, storeId }: { isNew?: boolean; storeId: string | undefined }) => (
  <SimpleForm
    defaultValues={isNew ? { closed: true, windows: [], note: '' } : undefined}
    toolbar={<ExceptionToolbar deletable={!isNew} storeId={storeId} />}
    sx={{ maxWidth: 640 }}
  >
    <TextInput source="date" type="date" validate={[required(), validDate]} slotProps={{ inputLabel: { shrink: true } }} />
    <BooleanInput source="closed" helperText="kassa.pickup.exceptions.closed_help" />
    <FormDataConsumer<Partial<PickupException>>>
      {({ formData }) =>
        formData.closed ? null : <WindowsInput source="windows" label="resources.pickup-exceptions.fields.windows" validate={hoursWhenOpen} />
      }
    </FormDataConsumer>
    <TextInput source="note" validate={maxLength(200)} fullWidth />
  </SimpleForm>
);

export const PickupExceptionEdit = () => {
  const { meta, ready, storeId } = useStoreMeta();
  return (
    <Edit
      title={<ExceptionTitle />}
      mutationMode="pessimistic"
      transform={toPickupExceptionInput}
      redirect="list"
      queryOptions={{ meta, enabled: ready }}
      mutationOptions={{ meta }}
    >
      <ExceptionForm storeId={storeId} />
    </Edit>
  );
};

export const PickupExceptionCreate = () => {
  const { meta, storeId } = useStoreMeta();
  return (
    <Create transform={toPickupExceptionInput} redirect="list" mutationOptions={{ meta }}>
      <ExceptionForm isNew storeId={storeId} />
    </Create>
  );
};
