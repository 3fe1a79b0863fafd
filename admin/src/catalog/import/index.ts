export { CatalogImport } from './catalog-import';
