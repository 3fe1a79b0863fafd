import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, OrganisationScoped } from '@kassa/shared';

/** A menu section (Kaffe, Bakverk…), ordered by position and nested at most one level. */
@Entity({ tableName: 'catalog_category' })
@OrganisationScoped()
@Index({ properties: ['organisationId', 'position'] })
export class Category {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'string', length: 200 })
  nameSv!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  /** A top-level category of the same organisation, or null for a top-level one. */
  @Property({ type: 'uuid', nullable: true })
  parentId: string | null = null;

  @Property({ type: 'integer' })
  position: number = 0;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
