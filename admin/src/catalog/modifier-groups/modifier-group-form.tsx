import {
  ArrayInput,
  BooleanInput,
  DeleteButton,
  maxLength,
  minValue,
  number,
  NumberInput,
  required,
  SaveButton,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  type Validator,
} from 'react-admin';
import { KronorInput } from '../../money';
import type { ModifierGroup, ModifierOption } from '../../types';

/** The English names may be left out; the API then uses the Swedish ones. */
type ModifierOptionInput = Omit<ModifierOption, 'nameEn'> & { nameEn?: string };
export type ModifierGroupInput = Omit<ModifierGroup, 'id' | 'nameEn' | 'options'> & { nameEn?: string; options: ModifierOptionInput[] };

const toOptionInput = (option: Partial<ModifierOption>): ModifierOptionInput => ({
  ...(option.id ? { id: option.id } : {}),
  nameSv: option.nameSv ?? '',
  ...(option.nameEn?.trim() ? { nameEn: option.nameEn } : {}),
  priceDelta: option.priceDelta ?? 0,
  active: option.active ?? true,
});

export const toModifierGroupInput = (data: Partial<ModifierGroup>): Partial<ModifierGroupInput> => ({
  nameSv: data.nameSv,
  nameEn: data.nameEn?.trim() ? data.nameEn : undefined,
  minSelections: data.minSelections ?? 0,
  maxSelections: data.maxSelections ?? 1,
  options: (data.options ?? []).map(toOptionInput),
});

export const newModifierGroupDefaults: Partial<ModifierGroupInput> = {
  minSelections: 0,
  maxSelections: 1,
  options: [],
};

// A mirror of the API's rule, so it shows before saving.
const atLeastMin: Validator = (value: unknown, values: Partial<ModifierGroup>) =>
  typeof value === 'number' && typeof values.minSelections === 'number' && value < values.minSelections
    ? 'kassa.modifier_groups.max_below_min'
    : undefined;

const ModifierGroupFormToolbar = ({ deletable }: { deletable: boolean }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {deletable && <DeleteButton mutationMode="pessimistic" />}
  </Toolbar>
);

export const ModifierGroupForm = ({ isNew = false }: { isNew?: boolean }) => (
  <SimpleForm
    defaultValues={isNew ? newModifierGroupDefaults : undefined}
    toolbar={<ModifierGroupFormToolbar deletable={!isNew} />}
    sx={{ maxWidth: 960 }}
  >
    <TextInput source="nameSv" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="nameEn" validate={maxLength(200)} helperText="kassa.catalog.name_en_help" fullWidth />
    <NumberInput source="minSelections" step={1} validate={[required(), number(), minValue(0)]} helperText="kassa.modifier_groups.min_help" />
    <NumberInput source="maxSelections" step={1} validate={[required(), number(), minValue(1), atLeastMin]} />
    <ArrayInput source="options">
      <SimpleFormIterator inline disableReordering={false}>
        <TextInput source="nameSv" label="kassa.modifier_groups.option.nameSv" validate={[required(), maxLength(200)]} />
        <TextInput source="nameEn" label="kassa.modifier_groups.option.nameEn" validate={maxLength(200)} />
        <KronorInput
          source="priceDelta"
          label="kassa.modifier_groups.option.priceDelta"
          allowNegative
          validate={required()}
          helperText="kassa.modifier_groups.price_delta_help"
        />
        <BooleanInput source="active" label="kassa.modifier_groups.option.active" defaultValue />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);
