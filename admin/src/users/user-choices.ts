import type { Role } from '../types';

const roles: Role[] = ['owner', 'manager', 'staff'];

export const roleChoices = roles.map((id) => ({ id, name: `kassa.roles.${id}` }));

/** Mirrors the API's rule so the form can say so before submitting. */
export const PASSWORD_MIN_LENGTH = 12;
