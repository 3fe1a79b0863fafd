import type { EntityManager } from '@mikro-orm/postgresql';

/** The printer's next job number; its row stays locked until the caller commits, so numbers never skip. */
export async function takeSequence(em: EntityManager, printerId: string): Promise<number> {
  const [row] = await em.execute<Array<{ sequence: number }>>(
    'update printer set next_sequence = next_sequence + 1 where id = ? returning next_sequence - 1 as sequence',
    [printerId],
  );
  return Number(row.sequence);
}
