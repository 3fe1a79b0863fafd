export const STAFF_ROLES = ['owner', 'manager', 'staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is calling, as proven by a staff access token. */
export interface StaffActor {
  readonly kind: 'staff';
  readonly userId: string;
  /** Shown where staff actions are recorded (an order's timeline). */
  readonly name: string;
  readonly organisationId: string;
  readonly role: StaffRole;
  /** Every store the actor may see; for owners, all stores of the organisation at request time. */
  readonly storeIds: readonly string[];
}

export type Actor = StaffActor;

export function canAccessStore(actor: StaffActor, storeId: string): boolean {
  return actor.storeIds.includes(storeId);
}
