export { UserCreate } from './user-create';
export { UserEdit } from './user-edit';
export { UserList } from './user-list';
