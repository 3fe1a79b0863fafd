import {
  BooleanInput,
  email,
  maxLength,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  SaveButton,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Store } from '../types';
import { countryChoices, currencyChoices, localeChoices, timezoneChoices } from './store-choices';

/** The fields a store admin may change; everything else belongs to the server. */
export type StoreInput = Omit<Store, 'id' | 'organisationId' | 'createdAt' | 'updatedAt'>;

const editableStoreFields: ReadonlyArray<keyof StoreInput> = [
  'name',
  'slug',
  'organisationNumber',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'phone',
  'email',
  'timezone',
  'currency',
  'locale',
  'acceptingOrders',
];

const nullableStoreFields: ReadonlySet<keyof StoreInput> = new Set(['addressLine2', 'phone', 'email']);

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Sends only editable fields (the API rejects any other). An emptied optional field is sent as
 * null to clear it; an empty required one is left out, so the API keeps or derives it (the slug).
 */
export const toStoreInput = (data: Partial<Store>): Partial<StoreInput> =>
  Object.fromEntries(
    editableStoreFields.flatMap((field) => {
      const value = data[field];
      if (!isBlank(value)) return [[field, value]];
      return nullableStoreFields.has(field) && field in data ? [[field, null]] : [];
    }),
  ) as Partial<StoreInput>;

export const newStoreDefaults: Partial<StoreInput> = {
  country: 'SE',
  timezone: 'Europe/Stockholm',
  currency: 'SEK',
  locale: 'sv',
  acceptingOrders: true,
};

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(label)}
    </Typography>
  );
};

// Without a delete button: the API offers no store deletion.
const StoreFormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

// Mirrors of the API's own checks, so most mistakes show before saving.
const slugRules = [maxLength(100), regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kassa.stores.slug_format')];

interface StoreFormProps {
  defaultValues?: Partial<StoreInput>;
  /** A new store may leave the slug empty: the API makes one from the name. */
  isNew?: boolean;
}

export const StoreForm = ({ defaultValues, isNew = false }: StoreFormProps) => (
  <SimpleForm defaultValues={defaultValues} toolbar={<StoreFormToolbar />} sx={{ maxWidth: 640 }}>
    <Section label="kassa.stores.sections.identity" />
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput
      source="slug"
      validate={isNew ? slugRules : [required(), ...slugRules]}
      helperText={isNew ? 'kassa.stores.slug_help' : undefined}
      fullWidth
    />
    <TextInput source="organisationNumber" validate={[required(), maxLength(20)]} fullWidth />

    <Section label="kassa.stores.sections.address" />
    <TextInput source="addressLine1" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="addressLine2" validate={maxLength(200)} fullWidth />
    <TextInput source="postalCode" validate={[required(), maxLength(20)]} />
    <TextInput source="city" validate={[required(), maxLength(100)]} fullWidth />
    <SelectInput source="country" choices={countryChoices} validate={required()} />
    <TextInput source="phone" type="tel" validate={maxLength(30)} fullWidth />
    <TextInput source="email" type="email" validate={[email(), maxLength(200)]} fullWidth />

    <Section label="kassa.stores.sections.settings" />
    <SelectInput source="timezone" choices={timezoneChoices} validate={required()} />
    <SelectInput source="currency" choices={currencyChoices} validate={required()} />
    <SelectInput source="locale" choices={localeChoices} validate={required()} />
    <BooleanInput source="acceptingOrders" />
  </SimpleForm>
);
