import { Migration } from '@mikro-orm/migrations';

export class Migration20261123024238_printing_cloudprnt extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "printer" add column "cloudprnt_token_hash" varchar(64) null, add column "cloudprnt_token_hint" varchar(4) null;`);
    this.addSql(`alter table "printer" add constraint "printer_cloudprnt_token_hash_unique" unique ("cloudprnt_token_hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "printer" drop constraint "printer_cloudprnt_token_hash_unique";`);
    this.addSql(`alter table "printer" drop column "cloudprnt_token_hash", drop column "cloudprnt_token_hint";`);
  }

}
