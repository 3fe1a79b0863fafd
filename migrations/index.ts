import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122223805_initial_schema } from './Migration20261122223805_initial_schema';

/** Every migration in order. New ones are created with `npm run migration:create -- name` and listed here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122223805_initial_schema', class: Migration20261122223805_initial_schema },
];
