import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123051604_store_payment_methods } from './Migration20261123051604_store_payment_methods';
import { Migration20261123042718_order_refunds } from './Migration20261123042718_order_refunds';
import { Migration20261123035545_payment_webhook_events } from './Migration20261123035545_payment_webhook_events';
import { Migration20261123024238_printing_cloudprnt } from './Migration20261123024238_printing_cloudprnt';
import { Migration20261123014640_printing_schema } from './Migration20261123014640_printing_schema';
import { Migration20261123014312_notifications_schema } from './Migration20261123014312_notifications_schema';
import { Migration20261123011357_orders_schema } from './Migration20261123011357_orders_schema';
import { Migration20261123011103_payments_schema } from './Migration20261123011103_payments_schema';
import { Migration20261122233011_slots_schema } from './Migration20261122233011_slots_schema';
import { Migration20261122232825_catalog_products } from './Migration20261122232825_catalog_products';
import { Migration20261122232525_inventory_stock } from './Migration20261122232525_inventory_stock';
import { Migration20261122223805_initial_schema } from './Migration20261122223805_initial_schema';

/** Every migration in order. New ones are created with `npm run migration:create -- name` and listed here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122223805_initial_schema', class: Migration20261122223805_initial_schema },
  { name: 'Migration20261122232525_inventory_stock', class: Migration20261122232525_inventory_stock },
  { name: 'Migration20261122232825_catalog_products', class: Migration20261122232825_catalog_products },
  { name: 'Migration20261122233011_slots_schema', class: Migration20261122233011_slots_schema },
  { name: 'Migration20261123011103_payments_schema', class: Migration20261123011103_payments_schema },
  { name: 'Migration20261123011357_orders_schema', class: Migration20261123011357_orders_schema },
  { name: 'Migration20261123014312_notifications_schema', class: Migration20261123014312_notifications_schema },
  { name: 'Migration20261123014640_printing_schema', class: Migration20261123014640_printing_schema },
  { name: 'Migration20261123024238_printing_cloudprnt', class: Migration20261123024238_printing_cloudprnt },
  { name: 'Migration20261123035545_payment_webhook_events', class: Migration20261123035545_payment_webhook_events },
  { name: 'Migration20261123042718_order_refunds', class: Migration20261123042718_order_refunds },
  { name: 'Migration20261123051604_store_payment_methods', class: Migration20261123051604_store_payment_methods },
];
