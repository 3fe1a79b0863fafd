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

/**
 * The same for data that belongs to an organisation rather than one store (products,
 * categories): every query is narrowed to the caller's organisation.
 */
export const ORGANISATION_SCOPE_FILTER = 'organisationScope';

export type OrganisationScopeParams = { readonly all: true } | { readonly organisationId: string };

export function OrganisationScoped(column = 'organisationId'): ClassDecorator {
  return Filter({
    name: ORGANISATION_SCOPE_FILTER,
    default: true,
    cond: (params: OrganisationScopeParams) => ('all' in params ? {} : { [column]: params.organisationId }),
  });
}

/** Sets both tenancy filters on an entity manager: for staff, or unscoped for public and system work. */
export function applyTenancy(
  em: { setFilterParams(name: string, params: object): void },
  actor: { organisationId: string; storeIds: readonly string[] } | 'unscoped',
): void {
  if (actor === 'unscoped') {
    em.setFilterParams(STORE_SCOPE_FILTER, UNSCOPED);
    em.setFilterParams(ORGANISATION_SCOPE_FILTER, UNSCOPED);
    return;
  }
  em.setFilterParams(STORE_SCOPE_FILTER, { storeIds: actor.storeIds });
  em.setFilterParams(ORGANISATION_SCOPE_FILTER, { organisationId: actor.organisationId });
}
