import { Migration } from '@mikro-orm/migrations';

export class Migration20261123011103_payments_schema extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "payment" ("id" uuid not null, "store_id" uuid not null, "organisation_id" uuid not null, "order_id" uuid not null, "method" text check ("method" in ('test', 'swish', 'klarna', 'card', 'in_store')) not null, "status" text check ("status" in ('created', 'pending', 'authorized', 'captured', 'partially_refunded', 'refunded', 'failed', 'cancelled')) not null default 'created', "amount" int not null, "currency" char(3) not null, "refunded_amount" int not null default 0, "provider_reference" text null, "next_action" jsonb null, "idempotency_key" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "payment_pkey" primary key ("id"), constraint payment_refunded_amount_check check (refunded_amount >= 0 and refunded_amount <= amount), constraint payment_amount_check check (amount > 0));`);
    this.addSql(`alter table "payment" add constraint "payment_order_id_idempotency_key_unique" unique ("order_id", "idempotency_key");`);

    this.addSql(`create table "payment_event" ("id" uuid not null, "payment_id" uuid not null, "store_id" uuid not null, "kind" text check ("kind" in ('created', 'started', 'approved', 'declined', 'cancelled', 'refunded', 'collected')) not null, "from_status" text check ("from_status" in ('created', 'pending', 'authorized', 'captured', 'partially_refunded', 'refunded', 'failed', 'cancelled')) null, "to_status" text check ("to_status" in ('created', 'pending', 'authorized', 'captured', 'partially_refunded', 'refunded', 'failed', 'cancelled')) not null, "amount" int not null, "provider_reference" text null, "detail" jsonb null, "actor" varchar(100) not null, "created_at" timestamptz not null, constraint "payment_event_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_event_payment_id_created_at_index" on "payment_event" ("payment_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "payment_event" cascade;`);
  }

}
