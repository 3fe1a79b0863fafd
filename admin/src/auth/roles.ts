import type { Role } from '../types';

// What the menu and buttons offer each role; the API enforces the same rules on every call.
export const canCreateStores = (role: Role | undefined): boolean => role === 'owner';
export const canEditStores = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
export const canManageUsers = (role: Role | undefined): boolean => role === 'owner' || role === 'manager';
