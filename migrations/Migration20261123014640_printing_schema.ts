import { Migration } from '@mikro-orm/migrations';

export class Migration20261123014640_printing_schema extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "printer" ("id" uuid not null, "store_id" uuid not null, "station_id" uuid null, "name" varchar(100) not null, "roles" text[] not null, "category_ids" text[] not null, "paper_width" int not null default 80, "columns" int not null default 48, "language" text check ("language" in ('escpos', 'starprnt')) not null default 'escpos', "codepage" varchar(20) not null default 'cp865', "cash_drawer" boolean not null default false, "connection" text check ("connection" in ('agent', 'cloudprnt')) not null default 'agent', "fallback_printer_id" uuid null, "online" boolean not null default false, "last_error" text null, "last_seen_at" timestamptz null, "offline_since" timestamptz null, "failure_alerted_at" timestamptz null, "last_acked_sequence" int not null default 0, "next_sequence" int not null default 1, "created_at" timestamptz not null, constraint "printer_pkey" primary key ("id"));`);
    this.addSql(`create index "printer_station_id_index" on "printer" ("station_id");`);
    this.addSql(`create index "printer_store_id_index" on "printer" ("store_id");`);

    this.addSql(`create table "print_job" ("id" uuid not null, "store_id" uuid not null, "printer_id" uuid not null, "order_id" uuid null, "order_number" varchar(8) null, "kind" text check ("kind" in ('receipt', 'kitchen', 'test')) not null, "sequence" int not null, "copy" boolean not null default false, "status" text check ("status" in ('queued', 'sent', 'printed', 'failed', 'held')) not null default 'queued', "attempts" int not null default 0, "receipt_number" int null, "bytes" bytea not null, "preview_text" text not null, "source" jsonb not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "printed_at" timestamptz null, "released_at" timestamptz null, "error" text null, "rerouted_from" uuid null, constraint "print_job_pkey" primary key ("id"));`);
    this.addSql(`create index "print_job_store_id_created_at_index" on "print_job" ("store_id", "created_at");`);
    this.addSql(`create index "print_job_order_id_index" on "print_job" ("order_id");`);
    this.addSql(`create index "print_job_printer_id_status_sequence_index" on "print_job" ("printer_id", "status", "sequence");`);
    this.addSql(`alter table "print_job" add constraint "print_job_printer_id_sequence_unique" unique ("printer_id", "sequence");`);

    this.addSql(`create table "print_settings" ("store_id" uuid not null, "receipt_footer" text null, "hold_after_minutes" int not null default 30, "updated_at" timestamptz not null, constraint "print_settings_pkey" primary key ("store_id"));`);

    this.addSql(`create table "receipt_number" ("store_id" uuid not null, "last" int not null default 0, constraint "receipt_number_pkey" primary key ("store_id"));`);

    this.addSql(`create table "station" ("id" uuid not null, "store_id" uuid not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "token_hint" varchar(4) not null, "token_rotated_at" timestamptz not null, "revoked_at" timestamptz null, "last_seen_at" timestamptz null, "connected" boolean not null default false, "connection_id" varchar(64) null, "created_at" timestamptz not null, constraint "station_pkey" primary key ("id"));`);
    this.addSql(`alter table "station" add constraint "station_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "station_store_id_index" on "station" ("store_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "printer" cascade;`);

    this.addSql(`drop table if exists "print_job" cascade;`);

    this.addSql(`drop table if exists "print_settings" cascade;`);

    this.addSql(`drop table if exists "receipt_number" cascade;`);

    this.addSql(`drop table if exists "station" cascade;`);
  }

}
