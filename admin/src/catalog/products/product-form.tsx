import type { ReactNode } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  FormDataConsumer,
  maxLength,
  minValue,
  number,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useGetOne,
  useTranslate,
  type Validator,
} from 'react-admin';
import { Box, InputAdornment, Typography } from '@mui/material';
import { KronorInput } from '../../money';
import type { Category, ModifierGroup, Product, ProductStock, RecipeIngredient, StockItem } from '../../types';
import { useLocalizedName } from '../localized-name';
import { channelChoices, hasValidCheckDigit, stockModeChoices, vatRateChoices } from './product-choices';

/** What create and update send: everything but the id and the organisation's currency. */
export type ProductInput = Omit<Product, 'id' | 'currency' | 'nameEn'> & { nameEn?: string };

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim();

// Left out, the API uses the Swedish name.
const blankToUndefined = (value: string | null | undefined): string | undefined =>
  value === undefined || value === null || value.trim() === '' ? undefined : value;

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && !Number.isNaN(value) ? value : null);

/** Only the fields of the chosen stock mode, so switching modes leaves nothing behind. */
const toStockInput = (stock: Partial<ProductStock> & Record<string, unknown> | undefined): ProductStock => {
  switch (stock?.mode) {
    case 'tracked':
      return { mode: 'tracked', allowBackorder: stock.allowBackorder === true };
    case 'recipe': {
      const ingredients = Array.isArray(stock.ingredients) ? (stock.ingredients as Partial<RecipeIngredient>[]) : [];
      return {
        mode: 'recipe',
        ingredients: ingredients.map((ingredient) => ({
          stockItemId: ingredient.stockItemId ?? '',
          quantity: ingredient.quantity ?? 0,
        })),
      };
    }
    default:
      return { mode: 'untracked' };
  }
};

export const toProductInput = (data: Partial<Product>): Partial<ProductInput> => ({
  sku: data.sku?.trim(),
  nameSv: data.nameSv,
  nameEn: blankToUndefined(data.nameEn),
  descriptionSv: data.descriptionSv ?? '',
  descriptionEn: data.descriptionEn ?? '',
  categoryId: blankToNull(data.categoryId),
  imageUrl: blankToNull(data.imageUrl),
  price: data.price,
  vatRate: data.vatRate,
  barcode: blankToNull(data.barcode),
  prepMinutes: data.prepMinutes ?? 0,
  prepMinutesPerExtraUnit: numberOrNull(data.prepMinutesPerExtraUnit),
  channels: data.channels ?? [],
  active: data.active ?? true,
  modifierGroupIds: data.modifierGroupIds ?? [],
  stock: toStockInput(data.stock),
});

export const newProductDefaults: Partial<ProductInput> = {
  descriptionSv: '',
  descriptionEn: '',
  vatRate: 12,
  prepMinutes: 0,
  channels: ['online', 'pos'],
  active: true,
  modifierGroupIds: [],
  stock: { mode: 'untracked' },
};

const validBarcode: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !hasValidCheckDigit(value.trim())
    ? 'kassa.products.barcode_invalid'
    : undefined;

const atLeastOneChannel: Validator = (value: unknown) =>
  Array.isArray(value) && value.length === 0 ? 'kassa.products.channels_required' : undefined;

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

const CategoryInput = () => {
  const name = useLocalizedName();
  return (
    <ReferenceInput source="categoryId" reference="categories" sort={{ field: 'position', order: 'ASC' }} perPage={500}>
      <SelectInput optionText={(record: Category) => name(record)} emptyText="kassa.products.no_category" />
    </ReferenceInput>
  );
};

const ModifierGroupsInput = () => {
  const name = useLocalizedName();
  return (
    <ReferenceArrayInput source="modifierGroupIds" reference="modifier-groups" sort={{ field: 'nameSv', order: 'ASC' }} perPage={200}>
      <AutocompleteArrayInput
        optionText={(record: ModifierGroup) => name(record)}
        filterToQuery={(q: string) => ({ q })}
        helperText="kassa.products.modifier_groups_help"
        fullWidth
      />
    </ReferenceArrayInput>
  );
};

/** The ingredient's quantity in its own unit (g, ml or pieces). */
const IngredientQuantityInput = ({ stockItemId }: { stockItemId: string | undefined }) => {
  const translate = useTranslate();
  const { data: item } = useGetOne<StockItem>('stock-items', { id: stockItemId ?? '' }, { enabled: Boolean(stockItemId) });
  return (
    <NumberInput
      source="quantity"
      label="kassa.products.ingredient_quantity"
      step={1}
      validate={[required(), number(), minValue(0)]}
      slotProps={{
        input: {
          endAdornment: item ? <InputAdornment position="end">{translate(`kassa.units.${item.unit}`)}</InputAdornment> : null,
        },
      }}
    />
  );
};

const StockSettings = () => (
  <>
    <RadioButtonGroupInput source="stock.mode" label="kassa.products.stock_mode" choices={stockModeChoices} validate={required()} />
    <FormDataConsumer<Product>>
      {({ formData }) => {
        if (formData.stock?.mode === 'tracked') {
          return (
            <BooleanInput
              source="stock.allowBackorder"
              label="kassa.products.allow_backorder"
              helperText="kassa.products.allow_backorder_help"
            />
          );
        }
        if (formData.stock?.mode === 'recipe') {
          return (
            <ArrayInput source="stock.ingredients" label="kassa.products.ingredients" validate={required()}>
              <SimpleFormIterator inline disableReordering>
                <ReferenceInput source="stockItemId" reference="stock-items" sort={{ field: 'name', order: 'ASC' }}>
                  <AutocompleteInput
                    label="kassa.products.ingredient"
                    optionText="name"
                    filterToQuery={(q: string) => ({ q })}
                    validate={required()}
                    sx={{ minWidth: 260 }}
                  />
                </ReferenceInput>
                <FormDataConsumer<Product>>
                  {({ scopedFormData }) => (
                    <IngredientQuantityInput stockItemId={(scopedFormData as Partial<RecipeIngredient> | undefined)?.stockItemId} />
                  )}
                </FormDataConsumer>
              </SimpleFormIterator>
            </ArrayInput>
          );
        }
        return null;
      }}
    </FormDataConsumer>
  </>
);

// Without a delete button: products are deactivated, never deleted.
const ProductFormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const ProductForm = ({ isNew = false }: { isNew?: boolean }) => (
  <SimpleForm defaultValues={isNew ? newProductDefaults : undefined} toolbar={<ProductFormToolbar />} sx={{ maxWidth: 960 }}>
    <Section label="kassa.products.sections.product" />
    <Row>
      <TextInput source="sku" validate={[required(), maxLength(64)]} />
      <CategoryInput />
    </Row>
    <Row>
      <CheckboxGroupInput source="channels" choices={channelChoices} validate={atLeastOneChannel} />
      <BooleanInput source="active" helperText="kassa.products.active_help" />
    </Row>

    <Section label="kassa.products.sections.swedish" />
    <TextInput source="nameSv" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="descriptionSv" validate={maxLength(2000)} multiline minRows={2} fullWidth />

    <Section label="kassa.products.sections.english" />
    <TextInput source="nameEn" validate={maxLength(200)} helperText="kassa.catalog.name_en_help" fullWidth />
    <TextInput source="descriptionEn" validate={maxLength(2000)} multiline minRows={2} fullWidth />

    <Section label="kassa.products.sections.price" />
    <Row>
      <KronorInput source="price" validate={required()} />
      <SelectInput source="vatRate" choices={vatRateChoices} validate={required()} />
      <TextInput source="barcode" validate={validBarcode} helperText="kassa.products.barcode_help" />
    </Row>

    <Section label="kassa.products.sections.preparation" />
    <Row>
      <NumberInput source="prepMinutes" step={1} validate={[required(), number(), minValue(0)]} />
      <NumberInput
        source="prepMinutesPerExtraUnit"
        step={1}
        validate={[number(), minValue(0)]}
        helperText="kassa.products.prep_extra_help"
      />
    </Row>
    <ModifierGroupsInput />
    <TextInput source="imageUrl" type="url" validate={maxLength(2000)} fullWidth />

    <Section label="kassa.products.sections.stock" />
    <StockSettings />
  </SimpleForm>
);
