import { Migration } from '@mikro-orm/migrations';

export class Migration20261123011357_orders_schema extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" ("key" varchar(255) not null, "request_hash" varchar(64) not null, "order_id" uuid null, "response_status" int null, "response_body" text null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("key"));`);
    this.addSql(`create index "idempotency_key_expires_at_index" on "idempotency_key" ("expires_at");`);

    this.addSql(`create table "orders" ("id" uuid not null, "organisation_id" uuid not null, "store_id" uuid not null, "number" varchar(8) not null, "business_date" date not null, "status" text check ("status" in ('pending_payment', 'paid', 'accepted', 'preparing', 'ready', 'picked_up', 'expired', 'cancelled', 'no_show')) not null default 'pending_payment', "pickup_start" timestamptz not null, "pickup_end" timestamptz not null, "asap" boolean not null default false, "customer_name" varchar(100) not null, "customer_email" varchar(254) null, "customer_phone" varchar(16) null, "locale" text check ("locale" in ('sv', 'en')) not null default 'sv', "currency" varchar(3) not null, "subtotal" int not null, "discount" int not null default 0, "total" int not null, "vat" jsonb not null, "item_count" int not null, "kitchen_minutes" int not null, "payment_method" varchar(20) not null, "payment_id" uuid null, "hold_expires_at" timestamptz null, "pickup_code" varchar(6) not null, "pickup_code_failures" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "orders_pkey" primary key ("id"));`);
    this.addSql(`create index "orders_status_pickup_end_index" on "orders" ("status", "pickup_end");`);
    this.addSql(`create index "orders_status_hold_expires_at_index" on "orders" ("status", "hold_expires_at");`);
    this.addSql(`create index "orders_store_id_status_pickup_start_index" on "orders" ("store_id", "status", "pickup_start");`);
    this.addSql(`create index "orders_store_id_pickup_start_index" on "orders" ("store_id", "pickup_start");`);
    this.addSql(`alter table "orders" add constraint "orders_store_id_business_date_number_unique" unique ("store_id", "business_date", "number");`);

    this.addSql(`create table "order_line" ("id" uuid not null, "order_id" uuid not null, "position" int not null, "product_id" uuid not null, "sku" varchar(64) not null, "name_sv" varchar(200) not null, "name_en" varchar(200) not null, "category_id" uuid null, "quantity" int not null, "unit_price" int not null, "line_total" int not null, "vat_rate" int not null, "modifiers" jsonb not null, "note" varchar(500) null, "prep_minutes" int not null, constraint "order_line_pkey" primary key ("id"));`);
    this.addSql(`create index "order_line_order_id_position_index" on "order_line" ("order_id", "position");`);

    this.addSql(`create table "order_number" ("store_id" uuid not null, "business_date" date not null, "last" int not null default 0, constraint "order_number_pkey" primary key ("store_id", "business_date"));`);

    this.addSql(`create table "order_transition" ("id" uuid not null, "order_id" uuid not null, "from_status" text check ("from_status" in ('pending_payment', 'paid', 'accepted', 'preparing', 'ready', 'picked_up', 'expired', 'cancelled', 'no_show')) null, "to_status" text check ("to_status" in ('pending_payment', 'paid', 'accepted', 'preparing', 'ready', 'picked_up', 'expired', 'cancelled', 'no_show')) not null, "actor_kind" varchar(10) not null, "actor_id" uuid null, "actor_name" varchar(200) null, "reason" varchar(500) null, "at" timestamptz not null, constraint "order_transition_pkey" primary key ("id"));`);
    this.addSql(`create index "order_transition_order_id_at_index" on "order_transition" ("order_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "order_line" cascade;`);

    this.addSql(`drop table if exists "order_number" cascade;`);

    this.addSql(`drop table if exists "order_transition" cascade;`);
  }

}
