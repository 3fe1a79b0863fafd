import { Create } from 'react-admin';
import { toUserCreateInput, UserCreateForm } from './user-form';

export const UserCreate = () => (
  <Create transform={toUserCreateInput} redirect="list">
    <UserCreateForm />
  </Create>
);
