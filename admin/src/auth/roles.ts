import type { Role } from '../types';

// What the menu and buttons offer each role; the API enforces the same rules on every call.
export const canCreateStores = (role: Role | undefined): boolean => role === 'owner';
export const canEditStores = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
export const canManageUsers = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
/** Products, categories, modifier groups, store prices and the import. */
export const canEditCatalog = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
/** Stock items, thresholds and movements (deliveries, counts, waste, adjustments). */
export const canEditStock = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
/** Every staff role may mark a product sold out for today (the "86" button). */
export const canMarkSoldOut = (role: Role | undefined): boolean => role !== undefined;
/** Pickup schedule, date exceptions and capacity rules. */
export const canEditPickup = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
/** Every staff role may pause online orders or delay pickups (busy mode). */
export const canSetBusyMode = (role: Role | undefined): boolean => role !== undefined;
/** Message templates and notification settings; staff read the log and the templates (and may resend). */
export const canEditNotifications = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
/** Stations, printers and print settings; every role sees their status and the print jobs. */
export const canEditPrinting = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
