import { api } from '../api/client';
import type { Store } from '../api/types';
import { cart } from './cart';

const STORAGE_KEY = 'kassa.storefront.store';

/**
 * The store the customer orders from: the only one when there is one, else the one they picked
 * (remembered on this device). Null when they still have to pick. Read fresh each time, so
 * "not taking orders" is current.
 */
export async function chosenStore(): Promise<{ store: Store | null; stores: Store[] }> {
  const stores = await api.stores();
  const saved = localStorage.getItem(STORAGE_KEY);
  const store = stores.length === 1 ? (stores[0] ?? null) : (stores.find((candidate) => candidate.id === saved) ?? null);
  if (store) cart.useStore(store.id);
  return { store, stores };
}

export function chooseStore(storeId: string | null): void {
  if (storeId) localStorage.setItem(STORAGE_KEY, storeId);
  else localStorage.removeItem(STORAGE_KEY);
}
