import {
  BooleanInput,
  DeleteButton,
  maxLength,
  minValue,
  number,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetList,
  useRecordContext,
} from 'react-admin';
import type { Category } from '../../types';
import { useLocalizedName } from '../localized-name';

export type CategoryInput = Omit<Category, 'id' | 'nameEn'> & { nameEn?: string };

export const toCategoryInput = (data: Partial<Category>): Partial<CategoryInput> => ({
  nameSv: data.nameSv,
  nameEn: data.nameEn?.trim() ? data.nameEn : undefined,
  parentId: data.parentId || null,
  position: data.position ?? 0,
  active: data.active ?? true,
});

export const newCategoryDefaults: Partial<CategoryInput> = { parentId: null, position: 0, active: true };

// Categories nest one level: a parent is a top-level category other than this one.
const ParentInput = () => {
  const record = useRecordContext<Category>();
  const name = useLocalizedName();
  const { data = [], isPending } = useGetList<Category>('categories', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'position', order: 'ASC' },
  });
  const choices = data
    .filter((category) => category.parentId === null && category.id !== record?.id)
    .map((category) => ({ id: category.id, name: name(category) }));
  return (
    <SelectInput
      source="parentId"
      choices={choices}
      isPending={isPending}
      emptyText="kassa.categories.no_parent"
      helperText="kassa.categories.parent_help"
      translateChoice={false}
    />
  );
};

const CategoryFormToolbar = ({ deletable }: { deletable: boolean }) => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    {deletable && <DeleteButton mutationMode="pessimistic" />}
  </Toolbar>
);

export const CategoryForm = ({ isNew = false }: { isNew?: boolean }) => (
  <SimpleForm
    defaultValues={isNew ? newCategoryDefaults : undefined}
    toolbar={<CategoryFormToolbar deletable={!isNew} />}
    sx={{ maxWidth: 640 }}
  >
    <TextInput source="nameSv" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="nameEn" validate={maxLength(200)} helperText="kassa.catalog.name_en_help" fullWidth />
    <ParentInput />
    <NumberInput source="position" step={1} validate={[required(), number(), minValue(0)]} helperText="kassa.categories.position_help" />
    <BooleanInput source="active" />
  </SimpleForm>
);
