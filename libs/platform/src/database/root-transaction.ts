/**
 * The outermost transaction a (possibly nested) transaction runs in. MikroORM fires its commit
 * and rollback hooks for root transactions only, so work keyed by "this transaction" is keyed by
 * its root; a savepoint's transaction links to the one it runs in (knex's `parentTransaction`).
 */
export function rootTransactionOf(transaction: object): object {
  let root = transaction as { parentTransaction?: object };
  while (root.parentTransaction) root = root.parentTransaction as { parentTransaction?: object };
  return root;
}
