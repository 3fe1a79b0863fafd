import { CatalogErrorCode } from '../catalog.errors';
import { latte, TODAY } from '../../test/pricing.factory';
import { priceLine, PricingOverride } from './pricing';

const base: PricingOverride = { price: null, available: true, listed: true, soldOutDate: null };
const reasonFor = (outcome: ReturnType<typeof priceLine>) => (outcome.ok ? undefined : outcome.problems[0]);
const line = { productId: 'latte', quantity: 1, modifierOptionIds: ['small'] };

describe('a product the store cannot sell right now', () => {
  it('is refused when it is inactive, unlisted, turned off or sold out today, naming the line', () => {
    const cases: Array<[PricingOverride | undefined, boolean, string]> = [
      [undefined, false, 'is no longer sold'],
      [{ ...base, listed: false }, true, 'is not sold at this store'],
      [{ ...base, available: false }, true, 'is not available at this store'],
      [{ ...base, soldOutDate: TODAY }, true, 'is sold out today'],
    ];
    for (const [override, active, reason] of cases) {
      expect(reasonFor(priceLine(2, line, latte({ active }), override, { today: TODAY }))).toEqual({
        code: CatalogErrorCode.PRODUCT_UNAVAILABLE,
        field: 'items.2.productId',
        reason,
      });
    }
  });

  it('sells again the day after it was sold out', () => {
    expect(priceLine(0, line, latte(), { ...base, soldOutDate: '2026-11-22' }, { today: TODAY }).ok).toBe(true);
  });

  it('is refused online when it is sold only at the counter, and for an unknown id', () => {
    expect(reasonFor(priceLine(0, line, latte({ channels: ['pos'] }), undefined, { today: TODAY, channel: 'online' }))?.reason).toBe('is not sold online');
    expect(priceLine(0, line, latte({ channels: ['pos'] }), undefined, { today: TODAY, channel: 'pos' }).ok).toBe(true);
    expect(reasonFor(priceLine(0, line, undefined, undefined, { today: TODAY }))?.reason).toBe('does not exist');
  });
});
