import { Create } from 'react-admin';
import { newStoreDefaults, StoreForm, toStoreInput } from './store-form';

export const StoreCreate = () => (
  <Create transform={toStoreInput} redirect="list">
    <StoreForm defaultValues={newStoreDefaults} isNew />
  </Create>
);
