import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

/**
 * A computer at the store that runs the station agent and drives its printers. It signs in with
 * a device token; only the token's SHA-256 is kept, so a database leak hands out no tokens.
 */
@Entity({ tableName: 'station' })
@StoreScoped()
@Index({ properties: ['storeId'] })
export class Station {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** SHA-256 (hex) of the device token. */
  @Unique()
  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash!: string;

  /** The token's last 4 characters, so staff can tell which token a station holds. */
  @Property({ type: 'string', length: 4 })
  tokenHint!: string;

  @Property({ type: 'timestamptz' })
  tokenRotatedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null = null;

  /** Best effort: set by the replica holding the station's socket, cleared on disconnect or when its heartbeat stops. */
  @Property({ type: 'boolean' })
  connected = false;

  /** The socket that set `connected`, so a late disconnect of an older socket does not clear a newer one. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  connectionId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
