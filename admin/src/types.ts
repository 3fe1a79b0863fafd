/** Shapes of the Kassa admin API (`/api/v1/auth`, `/api/v1/admin`) as the console uses them. */

export type Role = 'owner' | 'manager' | 'staff';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  storeIds: string[];
}

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface ApiErrorDetail {
  field: string;
  reason: string;
}

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ApiErrorDetail[];
}

export interface Store {
  id: string;
  organisationId: string;
  name: string;
  slug: string;
  organisationNumber: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  country: string;
  phone: string | null;
  email: string | null;
  timezone: string;
  currency: string;
  locale: 'sv' | 'en';
  acceptingOrders: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface User {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  storeIds: string[];
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
