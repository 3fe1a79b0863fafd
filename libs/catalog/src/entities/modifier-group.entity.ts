import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, OrganisationScoped } from '@kassa/shared';

/** A question asked when ordering (Storlek, Mjölk, Extra) and how many answers it takes. */
@Entity({ tableName: 'catalog_modifier_group' })
@OrganisationScoped()
@Index({ properties: ['organisationId'] })
export class ModifierGroup {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'string', length: 200 })
  nameSv!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'integer' })
  minSelections: number = 0;

  @Property({ type: 'integer' })
  maxSelections: number = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
