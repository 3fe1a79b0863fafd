import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@kassa/shared';

/**
 * A refresh token is used once: refreshing revokes it and issues its successor in the same
 * family. Presenting a revoked one means it was stolen or replayed, so the family is revoked.
 * Only a SHA-256 of the token is stored.
 */
@Entity({ tableName: 'refresh_token' })
@Index({ properties: ['familyId'] })
@Index({ properties: ['userId'] })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  familyId!: string;

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
