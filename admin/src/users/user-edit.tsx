import { Edit, useRecordContext, useTranslate } from 'react-admin';
import type { User } from '../types';
import { toUserUpdateInput, UserEditForm } from './user-form';

const UserTitle = () => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  return <span>{record ? translate('kassa.users.edit_title', { name: record.name }) : ''}</span>;
};

export const UserEdit = () => (
  <Edit title={<UserTitle />} mutationMode="pessimistic" transform={toUserUpdateInput} redirect="list">
    <UserEditForm />
  </Edit>
);
