import { Entity, Index, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StaffRole, STAFF_ROLES } from '@kassa/shared';

/** A member of staff: owners see the whole organisation, managers and staff their stores. */
@Entity({ tableName: 'staff_user' })
@Index({ properties: ['organisationId'] })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  /** Stored lowercased; unique across Kassa so login needs no organisation. */
  @Unique()
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...STAFF_ROLES] })
  role!: StaffRole;

  /** Stores this user works at (plain ids: stores are another lib's). Ignored for owners. */
  @Property({ type: 'uuid[]' })
  storeIds: string[] = [];

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  active = true;

  /** Consecutive failed logins; reset by a successful one. */
  @Property({ type: 'integer' })
  failedLogins = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
