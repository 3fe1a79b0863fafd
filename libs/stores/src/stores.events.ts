import { DomainEvent, domainEvent } from '@kassa/shared';

export const STORE_UPDATED = 'StoreUpdated';

export interface StoreUpdatedPayload {
  readonly storeId: string;
  /** Names of the settings that changed, e.g. `timezone`, `acceptingOrders`. */
  readonly changed: string[];
}

/** A store's settings changed: caches of storefront data and slot calendars react to it. */
export function storeUpdated(payload: StoreUpdatedPayload): DomainEvent<StoreUpdatedPayload> {
  return domainEvent(STORE_UPDATED, payload, payload.storeId);
}
