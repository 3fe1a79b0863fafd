import { latte, TODAY } from '../../test/pricing.factory';
import { priceLine } from './pricing';

describe('a large oat latte with an extra shot', () => {
  it('costs the base price plus every chosen option, times the quantity', () => {
    const outcome = priceLine(0, { productId: 'latte', quantity: 2, modifierOptionIds: ['shot', 'large', 'oat'] }, latte(), undefined, { today: TODAY });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    // 49,00 + 10,00 (Stor) + 5,00 (Havre) + 8,00 (Extra shot) = 72,00 kr each
    expect(outcome.line.unitPrice).toBe(7200);
    expect(outcome.line.lineTotal).toBe(14400);
    expect(outcome.line.vatRate).toBe(1200);
    expect(outcome.line.modifiers.map((m) => m.optionId)).toEqual(['large', 'oat', 'shot']);
    expect(outcome.line.category).toEqual({ id: 'kaffe', nameSv: 'Kaffe', nameEn: 'Coffee' });
  });

  it('lets a negative option lower the price but never below zero', () => {
    const cheaper = priceLine(0, { productId: 'latte', quantity: 1, modifierOptionIds: ['small', 'no-lid'] }, latte(), undefined, { today: TODAY });
    expect(cheaper.ok && cheaper.line.unitPrice).toBe(4700);
    const free = priceLine(0, { productId: 'latte', quantity: 1, modifierOptionIds: ['small', 'no-lid'] }, latte({ price: 100 }), undefined, { today: TODAY });
    expect(free.ok && free.line.unitPrice).toBe(0);
  });
});
