import {
  AutocompleteArrayInput,
  BooleanInput,
  email,
  minLength,
  PasswordInput,
  ReferenceArrayInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
} from 'react-admin';
import type { User } from '../types';
import { PASSWORD_MIN_LENGTH, roleChoices } from './user-choices';

export interface UserCreateInput {
  email: string;
  name: string;
  role: User['role'];
  storeIds: string[];
  password: string;
}

export interface UserUpdateInput {
  name?: string;
  role?: User['role'];
  storeIds?: string[];
  active?: boolean;
  password?: string;
}

type UserFormValues = Partial<User> & { password?: string | null };

export const toUserCreateInput = (data: UserFormValues): Partial<UserCreateInput> => ({
  email: data.email,
  name: data.name,
  role: data.role,
  storeIds: data.storeIds ?? [],
  password: data.password ?? undefined,
});

/** Sends only what may change; an empty password field means "keep the current one". */
export const toUserUpdateInput = (data: UserFormValues): UserUpdateInput => ({
  name: data.name,
  role: data.role,
  storeIds: data.storeIds ?? [],
  active: data.active,
  ...(data.password ? { password: data.password } : {}),
});

const UserFormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const StoresInput = () => (
  <ReferenceArrayInput source="storeIds" reference="stores" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteArrayInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceArrayInput>
);

const passwordRules = [minLength(PASSWORD_MIN_LENGTH)];

export const UserCreateForm = () => (
  <SimpleForm defaultValues={{ role: 'staff', storeIds: [] }} toolbar={<UserFormToolbar />} sx={{ maxWidth: 640 }}>
    <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <StoresInput />
    <PasswordInput
      source="password"
      autoComplete="new-password"
      validate={[required(), ...passwordRules]}
      helperText="kassa.users.password_help"
    />
  </SimpleForm>
);

export const UserEditForm = () => (
  <SimpleForm toolbar={<UserFormToolbar />} sx={{ maxWidth: 640 }}>
    <TextInput source="email" disabled fullWidth />
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <StoresInput />
    <BooleanInput source="active" />
    <PasswordInput
      source="password"
      label="resources.users.fields.newPassword"
      autoComplete="new-password"
      validate={passwordRules}
      helperText="kassa.users.new_password_help"
    />
  </SimpleForm>
);
