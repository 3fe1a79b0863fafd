import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '@kassa/shared';

export interface OrderLineModifier {
  readonly groupId: string;
  readonly optionId: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly priceDelta: number;
}

/** A line as sold: the catalogue's names, price, VAT and prep time at checkout. */
@Entity({ tableName: 'order_line' })
@Index({ properties: ['orderId', 'position'] })
export class OrderLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'string', length: 64 })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  nameSv!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'uuid', nullable: true })
  categoryId: string | null = null;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  unitPrice!: number;

  @Property({ type: 'integer' })
  lineTotal!: number;

  /** Basis points. */
  @Property({ type: 'integer' })
  vatRate!: number;

  @Property({ type: 'json' })
  modifiers: OrderLineModifier[] = [];

  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @Property({ type: 'integer' })
  prepMinutes!: number;
}
