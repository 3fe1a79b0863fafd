import { useEffect, type ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  DeleteButton,
  FormDataConsumer,
  maxLength,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useInput,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { Box, TextField, Typography } from '@mui/material';
import { useLocalizedName } from '../catalog';
import type { Category, Printer, PrinterColumns } from '../types';
import { codepageChoices, connectionChoices, languageChoices, printerRoleChoices } from './printing-choices';

/** What create and update send; the paper width follows from the columns chosen. */
export type PrinterInput = Omit<Printer, 'id' | 'storeId' | 'online' | 'lastError' | 'lastSeenAt' | 'queueLength' | 'cloudprntTokenHint'>;

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

export const toPrinterInput = (data: Partial<Printer>): Partial<PrinterInput> => {
  const roles = data.roles ?? [];
  const columns = data.columns ?? 48;
  const cloudprnt = data.connection === 'cloudprnt';
  return {
    // A CloudPRNT printer fetches its jobs itself and speaks StarPRNT.
    stationId: cloudprnt ? null : blankToNull(data.stationId),
    name: data.name?.trim(),
    roles,
    // Routing only matters for kitchen tickets.
    categoryIds: roles.includes('kitchen') ? (data.categoryIds ?? []) : [],
    paperWidth: columns === 32 ? 58 : 80,
    columns,
    language: cloudprnt ? 'starprnt' : data.language,
    codepage: data.codepage,
    cashDrawer: data.cashDrawer ?? false,
    connection: data.connection,
    fallbackPrinterId: blankToNull(data.fallbackPrinterId),
  };
};

export const newPrinterDefaults: Partial<PrinterInput> = {
  roles: ['receipt'],
  categoryIds: [],
  columns: 48,
  language: 'escpos',
  codepage: 'cp865',
  cashDrawer: false,
  connection: 'agent',
  fallbackPrinterId: null,
};

/** 58 mm paper holds 32 characters a line; 80 mm holds 48, or 42 with the larger font. */
const PAPER: readonly { columns: PrinterColumns; width: 58 | 80 }[] = [
  { columns: 32, width: 58 },
  { columns: 48, width: 80 },
  { columns: 42, width: 80 },
];

const atLeastOneRole: Validator = (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? undefined : 'kassa.printers.roles_required';

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(label)}
    </Typography>
  );
};

const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 220px' } }}>{children}</Box>
);

const CategoriesInput = () => {
  const name = useLocalizedName();
  return (
    <ReferenceArrayInput source="categoryIds" reference="categories" sort={{ field: 'position', order: 'ASC' }} perPage={500}>
      <AutocompleteArrayInput
        label="resources.printers.fields.categoryIds"
        optionText={(record: Category) => name(record)}
        filterToQuery={(q: string) => ({ q })}
        helperText="kassa.printers.categories_help"
        fullWidth
      />
    </ReferenceArrayInput>
  );
};

/** Another printer of the store that takes the jobs while this one is down. */
const FallbackInput = ({ storeId }: { storeId: string }) => {
  const record = useRecordContext<Printer>();
  const notItself: Validator = (value: unknown) =>
    record?.id !== undefined && value === record.id ? 'kassa.printers.fallback_self' : undefined;
  return (
    <ReferenceInput source="fallbackPrinterId" reference="printers" filter={{ storeId }} sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput
        optionText="name"
        emptyText="kassa.printers.no_fallback"
        helperText="kassa.printers.fallback_help"
        validate={notItself}
      />
    </ReferenceInput>
  );
};

/**
 * Choosing CloudPRNT sets the language to StarPRNT (the station is hidden then, and not sent: the
 * printer polls Kassa itself); choosing the station leaves the language as it is.
 */
const CloudPrntLanguage = ({ connection }: { connection: Printer['connection'] | undefined }) => {
  const { field } = useInput({ source: 'language' });
  const { onChange } = field;
  const language: unknown = field.value;
  useEffect(() => {
    if (connection === 'cloudprnt' && language !== 'starprnt') onChange('starprnt');
  }, [connection, language, onChange]);
  return null;
};

/** The end of the token in the URL a CloudPRNT printer polls (the whole URL is shown only once). */
const CloudPrntHint = () => {
  const printer = useRecordContext<Printer>();
  const translate = useTranslate();
  if (printer?.connection !== 'cloudprnt' || !printer.cloudprntTokenHint) return null;
  return (
    <TextField
      label={translate('kassa.printers.cloudprnt.hint')}
      value={`…${printer.cloudprntTokenHint}`}
      helperText={translate('kassa.printers.cloudprnt.hint_help')}
      slotProps={{ input: { readOnly: true }, htmlInput: { style: { fontFamily: 'monospace' } } }}
      size="small"
    />
  );
};

const PrinterToolbar = ({ deletable }: { deletable: boolean }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {deletable && <DeleteButton mutationMode="pessimistic" redirect="list" />}
  </Toolbar>
);

/** A printer's settings: where it is connected, what it prints, its paper and its command language. */
export const PrinterForm = ({ storeId, isNew = false }: { storeId: string; isNew?: boolean }) => {
  const translate = useTranslate();
  const paperChoices = PAPER.map(({ columns, width }) => ({
    id: columns,
    name: translate('kassa.printers.paper', { width, columns }),
  }));
  return (
    <SimpleForm
      defaultValues={isNew ? newPrinterDefaults : undefined}
      toolbar={<PrinterToolbar deletable={!isNew} />}
      sx={{ maxWidth: 960 }}
    >
      <Row>
        <TextInput source="name" validate={[required(), maxLength(100)]} helperText="kassa.printers.name_help" />
        <CheckboxGroupInput source="roles" choices={printerRoleChoices} validate={atLeastOneRole} />
      </Row>
      <FormDataConsumer<Printer>>
        {({ formData }) => (formData.roles?.includes('kitchen') ? <CategoriesInput /> : null)}
      </FormDataConsumer>

      <Section label="kassa.printers.sections.connection" />
      <Row>
        <RadioButtonGroupInput source="connection" choices={connectionChoices} validate={required()} />
        <FormDataConsumer<Printer>>
          {({ formData }) =>
            formData.connection === 'cloudprnt' ? (
              <CloudPrntHint />
            ) : (
              <ReferenceInput source="stationId" reference="stations" filter={{ storeId }} sort={{ field: 'name', order: 'ASC' }}>
                <SelectInput optionText="name" validate={required()} helperText="kassa.printers.station_help" />
              </ReferenceInput>
            )
          }
        </FormDataConsumer>
      </Row>
      <FallbackInput storeId={storeId} />

      <Section label="kassa.printers.sections.paper" />
      <Row>
        <SelectInput source="columns" label="resources.printers.fields.paperWidth" choices={paperChoices} validate={required()} />
        <FormDataConsumer<Printer>>
          {({ formData }) => {
            const cloudprnt = formData.connection === 'cloudprnt';
            return (
              <>
                <CloudPrntLanguage connection={formData.connection} />
                <SelectInput
                  source="language"
                  choices={languageChoices.map((choice) => ({ ...choice, disabled: cloudprnt && choice.id !== 'starprnt' }))}
                  validate={required()}
                  helperText={cloudprnt ? 'kassa.printers.language_cloudprnt_help' : undefined}
                />
              </>
            );
          }}
        </FormDataConsumer>
        <SelectInput source="codepage" choices={codepageChoices} validate={required()} helperText="kassa.printers.codepage_help" />
      </Row>
      <BooleanInput source="cashDrawer" helperText="kassa.printers.cash_drawer_help" />
    </SimpleForm>
  );
};
