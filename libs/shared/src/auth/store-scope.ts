import { Filter } from '@mikro-orm/core';

/**
 * Tenancy is enforced here, once: every entity that belongs to a store carries `@StoreScoped()`
 * and every query through the ORM is narrowed to the caller's stores. The filter has no default
 * arguments, so a query made where nobody set a scope fails loudly instead of leaking.
 */
export const STORE_SCOPE_FILTER = 'storeScope';

export type StoreScopeParams = { readonly all: true } | { readonly storeIds: readonly string[] };

export const UNSCOPED: StoreScopeParams = { all: true };

export function StoreScoped(column = 'storeId'): ClassDecorator {
  return Filter({
    name: STORE_SCOPE_FILTER,
    default: true,
    cond: (params: StoreScopeParams) =>
      'all' in params ? {} : { [column]: { $in: [...params.storeIds] } },
  });
}
