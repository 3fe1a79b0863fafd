import type { PricingModifierGroup, PricingProduct } from '../src/rules/pricing';

/** A latte with size and milk choices and optional extras, as a café would set it up. */
export function latte(overrides: Partial<PricingProduct> = {}): PricingProduct {
  return {
    id: 'latte',
    sku: 'KAFFE-LATTE',
    nameSv: 'Caffè latte',
    nameEn: 'Caffè latte',
    category: { id: 'kaffe', nameSv: 'Kaffe', nameEn: 'Coffee' },
    price: 4900,
    vatRate: 1200,
    prepMinutes: 3,
    prepMinutesPerExtraUnit: 1,
    channels: ['online', 'pos'],
    active: true,
    modifierGroups: [size(), milk(), extras()],
    ...overrides,
  };
}

export function size(): PricingModifierGroup {
  return {
    id: 'size',
    nameSv: 'Storlek',
    nameEn: 'Size',
    minSelections: 1,
    maxSelections: 1,
    options: [
      { id: 'small', nameSv: 'Liten', nameEn: 'Small', priceDelta: 0, active: true },
      { id: 'large', nameSv: 'Stor', nameEn: 'Large', priceDelta: 1000, active: true },
    ],
  };
}

export function milk(): PricingModifierGroup {
  return {
    id: 'milk',
    nameSv: 'Mjölk',
    nameEn: 'Milk',
    minSelections: 0,
    maxSelections: 1,
    options: [
      { id: 'standard', nameSv: 'Standard', nameEn: 'Regular', priceDelta: 0, active: true },
      { id: 'oat', nameSv: 'Havre', nameEn: 'Oat', priceDelta: 500, active: true },
      { id: 'lactose-free', nameSv: 'Laktosfri', nameEn: 'Lactose-free', priceDelta: 0, active: true },
      { id: 'soy', nameSv: 'Soja', nameEn: 'Soy', priceDelta: 500, active: false },
    ],
  };
}

export function extras(): PricingModifierGroup {
  return {
    id: 'extras',
    nameSv: 'Extra',
    nameEn: 'Extras',
    minSelections: 0,
    maxSelections: 2,
    options: [
      { id: 'shot', nameSv: 'Extra shot', nameEn: 'Extra shot', priceDelta: 800, active: true },
      { id: 'syrup', nameSv: 'Vaniljsirap', nameEn: 'Vanilla syrup', priceDelta: 600, active: true },
      { id: 'no-lid', nameSv: 'Utan lock', nameEn: 'No lid', priceDelta: -200, active: true },
    ],
  };
}

export const TODAY = '2026-11-23';
