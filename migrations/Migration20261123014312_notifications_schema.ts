import { Migration } from '@mikro-orm/migrations';

export class Migration20261123014312_notifications_schema extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" uuid not null, "organisation_id" uuid not null, "store_id" uuid not null, "order_id" uuid null, "order_number" varchar(8) null, "idempotency_key" varchar(300) not null, "kind" text check ("kind" in ('order_confirmed', 'order_reminder', 'order_ready', 'order_delayed', 'order_cancelled', 'order_expired', 'order_refunded', 'staff_alert')) not null, "channel" text check ("channel" in ('email', 'sms')) not null, "recipient" varchar(254) not null, "locale" varchar(5) not null, "subject" varchar(300) null, "text" text not null, "html" text null, "status" text check ("status" in ('scheduled', 'queued', 'sending', 'sent', 'failed', 'logged', 'skipped')) not null default 'queued', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "locked_until" timestamptz null, "scheduled_for" timestamptz null, "provider" varchar(20) null, "provider_message_id" varchar(200) null, "error" text null, "resent_from" uuid null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_order_id_index" on "notification" ("order_id");`);
    this.addSql(`create index "notification_store_id_created_at_index" on "notification" ("store_id", "created_at");`);
    this.addSql(`create index "notification_status_next_attempt_at_index" on "notification" ("status", "next_attempt_at");`);
    this.addSql(`alter table "notification" add constraint "notification_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "notification_settings" ("organisation_id" uuid not null, "sms_provider" text check ("sms_provider" in ('none', '46elks', 'twilio')) not null, "customer_channels" text[] not null, "staff_alerts_to_managers" boolean not null default true, "staff_alert_emails" text[] not null, "updated_by" uuid null, "updated_at" timestamptz not null, constraint "notification_settings_pkey" primary key ("organisation_id"));`);

    this.addSql(`create table "notification_template" ("id" uuid not null, "organisation_id" uuid not null, "kind" text check ("kind" in ('order_confirmed', 'order_reminder', 'order_ready', 'order_delayed', 'order_cancelled', 'order_expired', 'order_refunded', 'staff_alert')) not null, "channel" text check ("channel" in ('email', 'sms')) not null, "locale" varchar(5) not null, "subject" varchar(300) null, "body" text not null, "updated_by" uuid null, "updated_at" timestamptz not null, constraint "notification_template_pkey" primary key ("id"));`);
    this.addSql(`alter table "notification_template" add constraint "notification_template_organisation_id_kind_channe_dbe65_unique" unique ("organisation_id", "kind", "channel", "locale");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "notification_settings" cascade;`);

    this.addSql(`drop table if exists "notification_template" cascade;`);
  }

}
