import { Migration } from '@mikro-orm/migrations';

export class Migration20261122232525_inventory_stock extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "product_tracking" ("product_id" uuid not null, "organisation_id" uuid not null, "mode" text check ("mode" in ('untracked', 'tracked', 'recipe')) not null, "stock_item_id" uuid null, "ingredients" jsonb not null, "updated_at" timestamptz not null, constraint "product_tracking_pkey" primary key ("product_id"));`);
    this.addSql(`create index "product_tracking_organisation_id_index" on "product_tracking" ("organisation_id");`);

    this.addSql(`create table "stock_hold" ("hold_id" varchar(100) not null, "store_id" uuid not null, "status" text check ("status" in ('active', 'committed', 'released', 'expired')) not null default 'active', "allocations" jsonb not null, "lines" jsonb not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "closed_at" timestamptz null, constraint "stock_hold_pkey" primary key ("hold_id"));`);
    this.addSql(`create index "stock_hold_status_expires_at_index" on "stock_hold" ("status", "expires_at");`);
    this.addSql(`create index "stock_hold_store_id_status_expires_at_index" on "stock_hold" ("store_id", "status", "expires_at");`);

    this.addSql(`create table "stock_item" ("id" uuid not null, "organisation_id" uuid not null, "sku" varchar(100) not null, "name" varchar(200) not null, "unit" text check ("unit" in ('pcs', 'g', 'ml')) not null default 'pcs', "product_id" uuid null, "allow_backorder" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "stock_item_pkey" primary key ("id"));`);
    this.addSql(`alter table "stock_item" add constraint "stock_item_product_id_unique" unique ("product_id");`);
    this.addSql(`create index "stock_item_organisation_id_name_index" on "stock_item" ("organisation_id", "name");`);
    this.addSql(`alter table "stock_item" add constraint "stock_item_organisation_id_sku_unique" unique ("organisation_id", "sku");`);

    this.addSql(`create table "stock_level" ("id" uuid not null, "organisation_id" uuid not null, "store_id" uuid not null, "stock_item_id" uuid not null, "on_hand" int not null default 0, "reserved" int not null default 0, "low_stock_threshold" int not null default 0, "par_level" int not null default 0, "updated_at" timestamptz not null, constraint "stock_level_pkey" primary key ("id"), constraint stock_level_reserved_check check (reserved >= 0));`);
    this.addSql(`create index "stock_level_stock_item_id_index" on "stock_level" ("stock_item_id");`);
    this.addSql(`alter table "stock_level" add constraint "stock_level_store_id_stock_item_id_unique" unique ("store_id", "stock_item_id");`);

    this.addSql(`create table "stock_movement" ("id" uuid not null, "store_id" uuid not null, "stock_item_id" uuid not null, "kind" text check ("kind" in ('sale', 'reservation', 'release', 'adjustment', 'delivery', 'waste', 'count')) not null, "quantity" int not null default 0, "reserved_delta" int not null default 0, "on_hand_after" int not null, "reason" varchar(500) not null, "hold_id" varchar(100) null, "user_id" uuid null, "created_at" timestamptz not null, constraint "stock_movement_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_movement_hold_id_index" on "stock_movement" ("hold_id");`);
    this.addSql(`create index "stock_movement_store_id_created_at_index" on "stock_movement" ("store_id", "created_at");`);
    this.addSql(`create index "stock_movement_store_id_stock_item_id_created_at_index" on "stock_movement" ("store_id", "stock_item_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_tracking" cascade;`);

    this.addSql(`drop table if exists "stock_hold" cascade;`);

    this.addSql(`drop table if exists "stock_item" cascade;`);

    this.addSql(`drop table if exists "stock_level" cascade;`);

    this.addSql(`drop table if exists "stock_movement" cascade;`);
  }

}
