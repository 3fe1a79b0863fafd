export { StoreCreate } from './store-create';
export { StoreEdit } from './store-edit';
export { StoreList } from './store-list';
export { StorePicker, useCurrentStore, type CurrentStore } from './current-store';
export { StoreScoped } from './store-scoped';
export { storeToday } from './store-today';
