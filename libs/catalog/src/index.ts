export { CatalogModule, CATALOG_ENTITIES } from './catalog.module';
