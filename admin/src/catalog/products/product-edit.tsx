import { Create, Edit, useRecordContext, useTranslate } from 'react-admin';
import type { Product } from '../../types';
import { useLocalizedName } from '../localized-name';
import { ProductForm, toProductInput } from './product-form';

const ProductTitle = () => {
  const record = useRecordContext<Product>();
  const translate = useTranslate();
  const name = useLocalizedName();
  return <span>{record ? translate('kassa.products.edit_title', { name: name(record) }) : ''}</span>;
};

export const ProductEdit = () => (
  <Edit title={<ProductTitle />} mutationMode="pessimistic" transform={toProductInput} redirect="list">
    <ProductForm />
  </Edit>
);

export const ProductCreate = () => (
  <Create transform={toProductInput} redirect="list">
    <ProductForm isNew />
  </Create>
);
