import { latte, TODAY } from '../../test/pricing.factory';
import { priceLine } from './pricing';

describe('a store that sells the latte at its own price', () => {
  const override = { price: 5200, available: true, listed: true, soldOutDate: null };

  it('prices from the store price and still adds the options', () => {
    const outcome = priceLine(0, { productId: 'latte', quantity: 3, modifierOptionIds: ['large'] }, latte(), override, { today: TODAY });
    expect(outcome.ok && outcome.line.unitPrice).toBe(6200);
    expect(outcome.ok && outcome.line.lineTotal).toBe(18600);
  });

  it('falls back to the base price when the override only changes availability', () => {
    const outcome = priceLine(0, { productId: 'latte', quantity: 1, modifierOptionIds: ['small'] }, latte(), { ...override, price: null }, { today: TODAY });
    expect(outcome.ok && outcome.line.unitPrice).toBe(4900);
  });
});
