export { ProductOverrideCreate, ProductOverrideEdit } from './override-form';
export { StoreAvailability } from './store-availability';
