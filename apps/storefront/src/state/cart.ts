import type { CheckoutRequest, Product } from '../api/types';

/** One line of the cart; the price is the catalogue's, shown as an estimate only. */
export interface CartLine {
  readonly key: string;
  readonly productId: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly optionIds: readonly string[];
  readonly optionNames: ReadonlyArray<{ readonly nameSv: string; readonly nameEn: string }>;
  readonly note: string;
  readonly quantity: number;
  /** Catalogue price plus option deltas, per unit: what the menu said, not what the store charges. */
  readonly indicativeUnitPrice: number;
}

const STORAGE_KEY = 'kassa.storefront.cart';
const MAX_QUANTITY = 999;

interface Stored {
  readonly storeId: string;
  readonly lines: CartLine[];
}

let state: Stored = load();
const listeners = new Set<() => void>();

function load(): Stored {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    if (parsed && typeof parsed.storeId === 'string' && Array.isArray(parsed.lines)) return parsed;
  } catch {
    // A broken saved cart is an empty cart.
  }
  return { storeId: '', lines: [] };
}

function save(next: Stored): void {
  state = next;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
}

export const cart = {
  lines: (): readonly CartLine[] => state.lines,
  storeId: (): string => state.storeId,
  count: (): number => state.lines.reduce((sum, line) => sum + line.quantity, 0),
  indicativeTotal: (): number => state.lines.reduce((sum, line) => sum + line.indicativeUnitPrice * line.quantity, 0),
  /** Returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** A cart belongs to one store; choosing another store starts a new one. */
  useStore(storeId: string): void {
    if (state.storeId !== storeId) save({ storeId, lines: [] });
  },

  add(product: Product, optionIds: readonly string[], note: string, quantity: number): void {
    const options = product.modifierGroups.flatMap((group) => group.options).filter((option) => optionIds.includes(option.id));
    const key = `${product.id}|${[...optionIds].sort().join(',')}|${note.trim()}`;
    const existing = state.lines.find((line) => line.key === key);
    const lines = existing
      ? state.lines.map((line) => (line === existing ? { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity + quantity) } : line))
      : [
          ...state.lines,
          {
            key,
            productId: product.id,
            nameSv: product.nameSv,
            nameEn: product.nameEn,
            optionIds: [...optionIds],
            optionNames: options.map(({ nameSv, nameEn }) => ({ nameSv, nameEn })),
            note: note.trim(),
            quantity,
            indicativeUnitPrice: product.price + options.reduce((sum, option) => sum + option.priceDelta, 0),
          },
        ];
    save({ ...state, lines });
  },

  setQuantity(key: string, quantity: number): void {
    const lines = quantity <= 0 ? state.lines.filter((line) => line.key !== key) : state.lines.map((line) => (line.key === key ? { ...line, quantity: Math.min(MAX_QUANTITY, quantity) } : line));
    save({ ...state, lines });
  },

  clear(): void {
    save({ ...state, lines: [] });
  },

  /** The cart as pickup-slots wants it: productId:quantity pairs, one per product. */
  slotItems(): string[] {
    const perProduct = new Map<string, number>();
    for (const line of state.lines) perProduct.set(line.productId, (perProduct.get(line.productId) ?? 0) + line.quantity);
    return [...perProduct].map(([id, quantity]) => `${id}:${Math.min(quantity, MAX_QUANTITY)}`);
  },

  checkoutItems(): CheckoutRequest['items'] {
    return state.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      ...(line.optionIds.length > 0 ? { modifierOptionIds: line.optionIds } : {}),
      ...(line.note ? { note: line.note } : {}),
    }));
  },
};
