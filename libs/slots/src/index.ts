export { SlotsModule, SLOTS_ENTITIES } from './slots.module';
export { SlotsService } from './slots.service';
export type { SlotListing } from './slots.service';
export type { CartLoad, SlotHoldResult, SlotRequest } from './slots.types';
export { SlotsError, SlotsErrorCode } from './slots.errors';
export { PICKUP_BUSY_MODE_CHANGED, pickupBusyModeChanged } from './slots.events';
export type { PickupBusyModeChangedPayload } from './slots.events';
