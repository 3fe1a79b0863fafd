import { DomainEvent, domainEvent } from '@kassa/shared';

export const PICKUP_BUSY_MODE_CHANGED = 'PickupBusyModeChanged';

export interface PickupBusyModeChangedPayload {
  readonly storeId: string;
  readonly paused: boolean;
  readonly delayMinutes: number;
  readonly changedBy: string;
}

/** Staff paused online ordering or changed the pickup delay: stations and storefront caches react. */
export function pickupBusyModeChanged(payload: PickupBusyModeChangedPayload): DomainEvent<PickupBusyModeChangedPayload> {
  return domainEvent(PICKUP_BUSY_MODE_CHANGED, payload, payload.storeId);
}
