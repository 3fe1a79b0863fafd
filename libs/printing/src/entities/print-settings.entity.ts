import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';

export const DEFAULT_HOLD_AFTER_MINUTES = 30;

/** A store's printing choices; a store without a row has the defaults. */
@Entity({ tableName: 'print_settings' })
@StoreScoped()
export class PrintSettings {
  @PrimaryKey({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'text', nullable: true })
  receiptFooter: string | null = null;

  /** Jobs that waited longer than this for their printer are held for staff instead of printed. */
  @Property({ type: 'integer' })
  holdAfterMinutes = DEFAULT_HOLD_AFTER_MINUTES;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
