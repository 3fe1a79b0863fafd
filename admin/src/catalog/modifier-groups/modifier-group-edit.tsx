import { Create, Edit, useRecordContext, useTranslate } from 'react-admin';
import type { ModifierGroup } from '../../types';
import { useLocalizedName } from '../localized-name';
import { ModifierGroupForm, toModifierGroupInput } from './modifier-group-form';

const ModifierGroupTitle = () => {
  const record = useRecordContext<ModifierGroup>();
  const translate = useTranslate();
  const name = useLocalizedName();
  return <span>{record ? translate('kassa.modifier_groups.edit_title', { name: name(record) }) : ''}</span>;
};

export const ModifierGroupEdit = () => (
  <Edit title={<ModifierGroupTitle />} mutationMode="pessimistic" transform={toModifierGroupInput} redirect="list">
    <ModifierGroupForm />
  </Edit>
);

export const ModifierGroupCreate = () => (
  <Create transform={toModifierGroupInput} redirect="list">
    <ModifierGroupForm isNew />
  </Create>
);
