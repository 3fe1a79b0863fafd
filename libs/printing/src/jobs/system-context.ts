import { MikroORM, RequestContext, TransactionContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemEntityManager } from '@kassa/platform';

/**
 * Runs `work` with a fresh, unscoped entity manager as both the request and the transaction
 * context: after-commit work starts inside the committed transaction's async context, and
 * MikroORM prefers a transaction context over a request context, so services there would
 * otherwise reach for the finished transaction.
 */
export function inSystemContext<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = systemEntityManager(orm);
  return TransactionContext.create(em, () => RequestContext.create(em, () => work(em)));
}
