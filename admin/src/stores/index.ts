export { StoreCreate } from './store-create';
export { StoreEdit } from './store-edit';
export { StoreList } from './store-list';
