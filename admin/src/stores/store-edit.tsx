import { Edit, useRecordContext, useTranslate } from 'react-admin';
import type { Store } from '../types';
import { StoreForm, toStoreInput } from './store-form';
import { StorePaymentMethodsPanel } from './store-payment-methods';

const StoreTitle = () => {
  const record = useRecordContext<Store>();
  const translate = useTranslate();
  return <span>{record ? translate('kassa.stores.edit_title', { name: record.name }) : ''}</span>;
};

const PaymentMethods = () => {
  const record = useRecordContext<Store>();
  return record ? <StorePaymentMethodsPanel storeId={record.id} /> : null;
};

// Pessimistic: the API validates, so the form waits for its answer and shows field errors.
export const StoreEdit = () => (
  <Edit title={<StoreTitle />} mutationMode="pessimistic" transform={toStoreInput} redirect="list">
    <StoreForm />
    <PaymentMethods />
  </Edit>
);
