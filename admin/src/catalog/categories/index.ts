export { CategoryCreate, CategoryEdit } from './category-edit';
export { CategoryList } from './category-list';
