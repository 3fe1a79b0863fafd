import { Migration } from '@mikro-orm/migrations';

export class Migration20261122223805_initial_schema extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organisation" ("id" uuid not null, "name" varchar(200) not null, "organisation_number" varchar(20) null, "created_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"));`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "event_type" varchar(100) not null, "consumer" varchar(100) not null, "payload" jsonb not null, "store_id" uuid null, "status" text check ("status" in ('pending', 'processing', 'done', 'dead')) not null default 'pending', "attempts" int not null default 0, "available_at" timestamptz not null, "locked_until" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "processed_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_message_status_available_at_index" on "outbox_message" ("status", "available_at");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_user_id_index" on "refresh_token" ("user_id");`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(`create table "store" ("id" uuid not null, "organisation_id" uuid not null, "name" varchar(200) not null, "slug" varchar(100) not null, "organisation_number" varchar(20) not null, "address_line1" varchar(200) not null, "address_line2" varchar(200) null, "postal_code" varchar(20) not null, "city" varchar(100) not null, "country" varchar(2) not null, "phone" varchar(30) null, "email" varchar(200) null, "timezone" varchar(64) not null, "currency" varchar(3) not null, "locale" varchar(5) not null default 'sv', "accepting_orders" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "store_pkey" primary key ("id"));`);
    this.addSql(`alter table "store" add constraint "store_slug_unique" unique ("slug");`);
    this.addSql(`create index "store_organisation_id_index" on "store" ("organisation_id");`);

    this.addSql(`create table "staff_user" ("id" uuid not null, "organisation_id" uuid not null, "email" varchar(254) not null, "name" varchar(200) not null, "role" text check ("role" in ('owner', 'manager', 'staff')) not null, "store_ids" text[] not null, "password_hash" varchar(200) not null, "active" boolean not null default true, "failed_logins" int not null default 0, "locked_until" timestamptz null, "last_login_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "staff_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`);
    this.addSql(`create index "staff_user_organisation_id_index" on "staff_user" ("organisation_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "store" cascade;`);

    this.addSql(`drop table if exists "staff_user" cascade;`);
  }

}
