import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '@kassa/shared';

/** The company that owns one or more stores; staff belong to exactly one. */
@Entity({ tableName: 'organisation' })
export class Organisation {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  organisationNumber: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
