import { api } from '../api/client';
import type { PickupSlots } from '../api/types';

const DAYS_SHOWN = 7;

/** The slots that fit this cart, weighed by the API (units and kitchen time; options do not change them). */
export function pickupSlotsFor(storeId: string, pairs: readonly string[]): Promise<PickupSlots> {
  return api.pickupSlots(storeId, pairs.join(','), DAYS_SHOWN);
}
