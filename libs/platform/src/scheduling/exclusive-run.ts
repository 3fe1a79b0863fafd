import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs `work` on one replica only: whoever takes the transaction-scoped advisory lock named
 * `name` runs, the others skip this round. Keep `work` short; it runs inside the transaction.
 */
export async function runExclusively(
  em: EntityManager,
  name: string,
  work: (em: EntityManager) => Promise<void>,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<Array<{ locked: boolean }>>(
      'select pg_try_advisory_xact_lock(hashtext(?)) as locked',
      [name],
    );
    if (!row?.locked) return false;
    await work(tx);
    return true;
  });
}
