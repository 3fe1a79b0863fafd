export { StoresModule, STORES_ENTITIES } from './stores.module';
export { StoresService } from './stores.service';
export type { NewOrganisation } from './stores.service';
export { StoresError, StoresErrorCode } from './stores.errors';
export { CreateStoreDto, UpdateStoreDto, StoreResponse, PublicStoreResponse } from './dto/store.dto';
export type { StoreLocale } from './store.entity';
export { STORE_UPDATED, storeUpdated } from './stores.events';
export type { StoreUpdatedPayload } from './stores.events';
