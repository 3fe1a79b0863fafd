import { isUuid } from '@kassa/shared';
import type { FieldProblem, StaffActor } from '@kassa/shared';

/** Filter values become SQL parameters against uuid columns, so a non-uuid is a 400, not a 500. */
export function uuidFilterProblems(filter: Record<string, unknown>, keys: readonly string[]): FieldProblem[] {
  return keys.flatMap((key) => {
    const value = filter[key];
    if (value === undefined) return [];
    const values = Array.isArray(value) ? value : [value];
    return values.every((v) => typeof v === 'string' && isUuid(v)) ? [] : [{ field: `filter.${key}`, reason: 'must be ids' }];
  });
}

/**
 * The store a per-store list is about: `filter.storeId`, or the caller's only store when they
 * work at exactly one. Undefined when neither says.
 */
export function storeOfList(actor: StaffActor, filter: { storeId?: unknown }): string | undefined {
  if (typeof filter.storeId === 'string') return filter.storeId;
  return actor.storeIds.length === 1 ? actor.storeIds[0] : undefined;
}
