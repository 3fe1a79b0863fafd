import { Migration } from '@mikro-orm/migrations';

export class Migration20261123051604_store_payment_methods extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "store_payment_methods" ("store_id" uuid not null, "methods" jsonb not null, "updated_at" timestamptz not null, constraint "store_payment_methods_pkey" primary key ("store_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "store_payment_methods" cascade;`);
  }

}
