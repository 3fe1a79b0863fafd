import { Create, Edit, useRecordContext, useTranslate } from 'react-admin';
import type { Category } from '../../types';
import { useLocalizedName } from '../localized-name';
import { CategoryForm, toCategoryInput } from './category-form';

const CategoryTitle = () => {
  const record = useRecordContext<Category>();
  const translate = useTranslate();
  const name = useLocalizedName();
  return <span>{record ? translate('kassa.categories.edit_title', { name: name(record) }) : ''}</span>;
};

export const CategoryEdit = () => (
  <Edit title={<CategoryTitle />} mutationMode="pessimistic" transform={toCategoryInput} redirect="list">
    <CategoryForm />
  </Edit>
);

export const CategoryCreate = () => (
  <Create transform={toCategoryInput} redirect="list">
    <CategoryForm isNew />
  </Create>
);
