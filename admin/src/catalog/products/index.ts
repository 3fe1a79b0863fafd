export { ProductCreate, ProductEdit } from './product-edit';
export { ProductList } from './product-list';
