export { InventoryModule, INVENTORY_ENTITIES } from './inventory.module';
