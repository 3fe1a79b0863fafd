import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035545_payment_webhook_events extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "payment_webhook_event" ("id" uuid not null, "provider" varchar(20) not null, "event_id" varchar(255) not null, "event_type" varchar(100) not null, "payment_id" uuid null, "outcome" varchar(40) not null, "received_at" timestamptz not null, constraint "payment_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "payment_webhook_event" add constraint "payment_webhook_event_provider_event_id_unique" unique ("provider", "event_id");`);

    this.addSql(`alter table "payment_event" drop constraint if exists "payment_event_kind_check";`);

    this.addSql(`alter table "payment_event" add constraint "payment_event_kind_check" check("kind" in ('created', 'started', 'approved', 'declined', 'cancelled', 'refunded', 'collected', 'late_success_refunded', 'attempt_failed', 'authorized', 'captured'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_webhook_event" cascade;`);

    this.addSql(`alter table "payment_event" drop constraint if exists "payment_event_kind_check";`);

    this.addSql(`alter table "payment_event" add constraint "payment_event_kind_check" check("kind" in ('created', 'started', 'approved', 'declined', 'cancelled', 'refunded', 'collected'));`);
  }

}
