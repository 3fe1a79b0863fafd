import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy } from '@kassa/shared';

/**
 * An entity manager for work outside any request (jobs, sweeps, seeding, CLIs): its own
 * identity map, and not narrowed to any organisation or store.
 */
export function systemEntityManager(orm: MikroORM): EntityManager {
  const em = orm.em.fork() as EntityManager;
  applyTenancy(em, 'unscoped');
  return em;
}
