import { Migration } from '@mikro-orm/migrations';

export class Migration20261123042718_order_refunds extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "order_refund" ("id" uuid not null, "order_id" uuid not null, "store_id" uuid not null, "payment_id" uuid not null, "amount" int not null, "currency" char(3) not null, "lines" jsonb not null, "reason" varchar(500) not null, "restocked" boolean not null default false, "actor_id" uuid null, "actor_name" varchar(200) null, "created_at" timestamptz not null, constraint "order_refund_pkey" primary key ("id"));`);
    this.addSql(`create index "order_refund_order_id_created_at_index" on "order_refund" ("order_id", "created_at");`);

    this.addSql(`alter table "stock_movement" drop constraint if exists "stock_movement_kind_check";`);

    this.addSql(`alter table "stock_movement" add constraint "stock_movement_kind_check" check("kind" in ('sale', 'reservation', 'release', 'adjustment', 'delivery', 'waste', 'count', 'return'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_refund" cascade;`);

    this.addSql(`alter table "stock_movement" drop constraint if exists "stock_movement_kind_check";`);

    this.addSql(`alter table "stock_movement" add constraint "stock_movement_kind_check" check("kind" in ('sale', 'reservation', 'release', 'adjustment', 'delivery', 'waste', 'count'));`);
  }

}
