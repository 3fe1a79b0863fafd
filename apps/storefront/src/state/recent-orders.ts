// "My recent orders" on this device: the status page's link, token included, and nothing else.

const STORAGE_KEY = 'kassa.storefront.recent-orders';
const KEEP = 5;

export interface RecentOrder {
  readonly id: string;
  readonly token: string;
  readonly number: string;
  readonly placedAt: string;
}

export function recentOrders(): RecentOrder[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as RecentOrder[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function rememberOrder(order: Omit<RecentOrder, 'placedAt'>): void {
  const others = recentOrders().filter((recent) => recent.id !== order.id);
  localStorage.setItem(STORAGE_KEY, JSON.stringify([{ ...order, placedAt: new Date().toISOString() }, ...others].slice(0, KEEP)));
}

export const statusPath = (order: { id: string; token: string }): string => `/orders/${encodeURIComponent(order.id)}?token=${encodeURIComponent(order.token)}`;
