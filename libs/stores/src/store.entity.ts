import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

export type StoreLocale = 'sv' | 'en';

/** A physical shop, café or restaurant: where orders are picked up and receipts are printed. */
@Entity({ tableName: 'store' })
@StoreScoped('id')
@Index({ properties: ['organisationId'] })
export class Store {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Unique()
  @Property({ type: 'string', length: 100 })
  slug!: string;

  /** Printed on receipts (Swedish law requires the seller's organisation number). */
  @Property({ type: 'string', length: 20 })
  organisationNumber!: string;

  @Property({ type: 'string', length: 200 })
  addressLine1!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  addressLine2: string | null = null;

  @Property({ type: 'string', length: 20 })
  postalCode!: string;

  @Property({ type: 'string', length: 100 })
  city!: string;

  @Property({ type: 'string', length: 2 })
  country!: string;

  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 64 })
  timezone!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'string', length: 5 })
  locale: StoreLocale = 'sv';

  /** The owner's switch for online orders; pickup hours and busy mode narrow it further. */
  @Property({ type: 'boolean' })
  acceptingOrders = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
