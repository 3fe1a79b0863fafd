export { ModifierGroupCreate, ModifierGroupEdit } from './modifier-group-edit';
export { ModifierGroupList } from './modifier-group-list';
