/** What a checkout asks of a slot: the slot and the load the order brings. */
export interface SlotRequest {
  /** The slot's start as ISO 8601 with offset, exactly as the storefront got it. */
  readonly slotStart: string;
  /** Orders the hold counts for; 1 for a checkout. */
  readonly orders?: number;
  /** Items in the order (sum of quantities). */
  readonly items: number;
  /** Kitchen minutes the order needs (sum of prep minutes for the quantities). */
  readonly kitchenMinutes: number;
}

export interface SlotHoldResult {
  readonly holdId: string;
  readonly slotStart: string;
  readonly slotEnd: string;
  readonly expiresAt: Date;
}

/** What a cart brings, as the storefront's slot list weighs it. */
export interface CartLoad {
  readonly items: number;
  readonly kitchenMinutes: number;
}
