export { ProductOverrideCreate, ProductOverrideEdit, StoreAvailability } from './availability';
export { CategoryCreate, CategoryEdit, CategoryList } from './categories';
export { CatalogImport } from './import';
export { LocalizedName, localizedName, useLocalizedName } from './localized-name';
export { ModifierGroupCreate, ModifierGroupEdit, ModifierGroupList } from './modifier-groups';
export { ProductCreate, ProductEdit, ProductList } from './products';
