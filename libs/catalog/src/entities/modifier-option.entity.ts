import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, OrganisationScoped } from '@kassa/shared';

/** One answer of a modifier group (Havre +5 kr); options no longer offered are kept inactive. */
@Entity({ tableName: 'catalog_modifier_option' })
@OrganisationScoped()
@Index({ properties: ['groupId', 'position'] })
export class ModifierOption {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  groupId!: string;

  @Property({ type: 'string', length: 200 })
  nameSv!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  /** Minor units added to the unit price; may be negative. */
  @Property({ type: 'integer' })
  priceDelta: number = 0;

  @Property({ type: 'integer' })
  position: number = 0;

  @Property({ type: 'boolean' })
  active: boolean = true;
}
