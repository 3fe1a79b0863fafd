import type { StaffActor } from '@kassa/shared';

/**
 * The store a per-store list is about: `filter.storeId`, or the caller's only store when they
 * work at exactly one. Undefined when neither says.
 */
export function storeOfList(actor: StaffActor, filter: { storeId?: unknown }): string | undefined {
  if (typeof filter.storeId === 'string') return filter.storeId;
  return actor.storeIds.length === 1 ? actor.storeIds[0] : undefined;
}
