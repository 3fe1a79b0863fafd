import type { OrderAction } from './types';

/** Same origin as the console: the API serves /admin, and Vite's dev server proxies /api. */
export const API_BASE = '/api/v1';
export const AUTH_BASE = `${API_BASE}/auth`;
export const ADMIN_BASE = `${API_BASE}/admin`;

/** `POST /admin/orders/:id/<action>`: the action in the path is kebab-case (`hand_over` → `hand-over`). */
export const orderActionPath = (orderId: string, action: OrderAction): string =>
  `/orders/${encodeURIComponent(orderId)}/${action.replace(/_/g, '-')}`;
