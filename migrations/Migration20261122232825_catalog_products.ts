import { Migration } from '@mikro-orm/migrations';

export class Migration20261122232825_catalog_products extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "catalog_settings" ("organisation_id" uuid not null, "vat_rates" integer[] not null, "version" int not null default 0, "updated_at" timestamptz not null, constraint "catalog_settings_pkey" primary key ("organisation_id"));`);

    this.addSql(`create table "catalog_category" ("id" uuid not null, "organisation_id" uuid not null, "name_sv" varchar(200) not null, "name_en" varchar(200) not null, "parent_id" uuid null, "position" int not null default 0, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalog_category_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_category_organisation_id_position_index" on "catalog_category" ("organisation_id", "position");`);

    this.addSql(`create table "catalog_modifier_group" ("id" uuid not null, "organisation_id" uuid not null, "name_sv" varchar(200) not null, "name_en" varchar(200) not null, "min_selections" int not null default 0, "max_selections" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalog_modifier_group_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_modifier_group_organisation_id_index" on "catalog_modifier_group" ("organisation_id");`);

    this.addSql(`create table "catalog_modifier_option" ("id" uuid not null, "organisation_id" uuid not null, "group_id" uuid not null, "name_sv" varchar(200) not null, "name_en" varchar(200) not null, "price_delta" int not null default 0, "position" int not null default 0, "active" boolean not null default true, constraint "catalog_modifier_option_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_modifier_option_group_id_position_index" on "catalog_modifier_option" ("group_id", "position");`);

    this.addSql(`create table "catalog_product" ("id" uuid not null, "organisation_id" uuid not null, "sku" varchar(64) not null, "name_sv" varchar(200) not null, "name_en" varchar(200) not null, "description_sv" text not null default '', "description_en" text not null default '', "category_id" uuid null, "image_url" varchar(2000) null, "price" int not null, "vat_rate" int not null, "barcode" varchar(13) null, "prep_minutes" int not null default 0, "prep_minutes_per_extra_unit" int null, "channels" text[] not null, "modifier_group_ids" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalog_product_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_product_organisation_id_category_id_index" on "catalog_product" ("organisation_id", "category_id");`);
    this.addSql(`alter table "catalog_product" add constraint "catalog_product_organisation_id_barcode_unique" unique ("organisation_id", "barcode");`);
    this.addSql(`alter table "catalog_product" add constraint "catalog_product_organisation_id_sku_unique" unique ("organisation_id", "sku");`);

    this.addSql(`create table "catalog_product_override" ("id" uuid not null, "organisation_id" uuid not null, "store_id" uuid not null, "product_id" uuid not null, "price" int null, "available" boolean not null default true, "listed" boolean not null default true, "sold_out_date" date null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalog_product_override_pkey" primary key ("id"));`);
    this.addSql(`create index "catalog_product_override_product_id_index" on "catalog_product_override" ("product_id");`);
    this.addSql(`alter table "catalog_product_override" add constraint "catalog_product_override_store_id_product_id_unique" unique ("store_id", "product_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalog_settings" cascade;`);

    this.addSql(`drop table if exists "catalog_category" cascade;`);

    this.addSql(`drop table if exists "catalog_modifier_group" cascade;`);

    this.addSql(`drop table if exists "catalog_modifier_option" cascade;`);

    this.addSql(`drop table if exists "catalog_product" cascade;`);

    this.addSql(`drop table if exists "catalog_product_override" cascade;`);
  }

}
