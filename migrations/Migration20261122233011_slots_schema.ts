import { Migration } from '@mikro-orm/migrations';

export class Migration20261122233011_slots_schema extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "busy_mode" ("store_id" uuid not null, "paused" boolean not null default false, "delay_minutes" smallint not null default 0, "updated_by" uuid null, "updated_at" timestamptz not null, constraint "busy_mode_pkey" primary key ("store_id"));`);

    this.addSql(`create table "capacity_rule" ("id" uuid not null, "store_id" uuid not null, "weekday" smallint null, "date" date null, "start" varchar(5) not null, "end" varchar(5) not null, "max_orders" int null, "max_items" int null, "max_kitchen_minutes" int null, "created_at" timestamptz not null, constraint "capacity_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "capacity_rule_store_id_index" on "capacity_rule" ("store_id");`);

    this.addSql(`create table "pickup_exception" ("id" uuid not null, "store_id" uuid not null, "date" date not null, "closed" boolean not null, "windows" jsonb not null, "note" varchar(200) null, "created_at" timestamptz not null, constraint "pickup_exception_pkey" primary key ("id"));`);
    this.addSql(`alter table "pickup_exception" add constraint "pickup_exception_store_id_date_unique" unique ("store_id", "date");`);

    this.addSql(`create table "pickup_schedule" ("id" uuid not null, "store_id" uuid not null, "slot_minutes" smallint not null, "lead_minutes" smallint not null, "days_ahead" smallint not null, "cutoff_minutes" smallint not null, "weekly_hours" jsonb not null, "max_orders" int null, "max_items" int null, "max_kitchen_minutes" int null, "updated_at" timestamptz not null, constraint "pickup_schedule_pkey" primary key ("id"));`);
    this.addSql(`alter table "pickup_schedule" add constraint "pickup_schedule_store_id_unique" unique ("store_id");`);

    this.addSql(`create table "slot_hold" ("hold_id" varchar(100) not null, "store_id" uuid not null, "slot_start" timestamptz not null, "slot_end" timestamptz not null, "status" text check ("status" in ('active', 'confirmed', 'released', 'expired')) not null default 'active', "orders" int not null default 1, "items" int not null default 0, "kitchen_minutes" int not null default 0, "expires_at" timestamptz not null, "created_at" timestamptz not null, "closed_at" timestamptz null, constraint "slot_hold_pkey" primary key ("hold_id"));`);
    this.addSql(`create index "slot_hold_status_expires_at_index" on "slot_hold" ("status", "expires_at");`);
    this.addSql(`create index "slot_hold_store_id_slot_start_status_index" on "slot_hold" ("store_id", "slot_start", "status");`);

    this.addSql(`create table "slot_load" ("store_id" uuid not null, "slot_start" timestamptz not null, "orders" int not null default 0, "items" int not null default 0, "kitchen_minutes" int not null default 0, constraint "slot_load_pkey" primary key ("store_id", "slot_start"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "busy_mode" cascade;`);

    this.addSql(`drop table if exists "capacity_rule" cascade;`);

    this.addSql(`drop table if exists "pickup_exception" cascade;`);

    this.addSql(`drop table if exists "pickup_schedule" cascade;`);

    this.addSql(`drop table if exists "slot_hold" cascade;`);

    this.addSql(`drop table if exists "slot_load" cascade;`);
  }

}
