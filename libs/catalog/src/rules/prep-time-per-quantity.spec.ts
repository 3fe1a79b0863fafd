import { latte, TODAY } from '../../test/pricing.factory';
import { priceLine, prepMinutesFor } from './pricing';

describe('kitchen time for several of the same item', () => {
  it('takes the full prep time for the first unit and the extra time for each further one', () => {
    const outcome = priceLine(0, { productId: 'latte', quantity: 4, modifierOptionIds: ['small'] }, latte(), undefined, { today: TODAY });
    expect(outcome.ok && outcome.line.prepMinutes).toBe(3 + 3 * 1);
  });

  it('adds nothing per extra unit when none is set (a tray of buns takes as long as one)', () => {
    expect(prepMinutesFor({ prepMinutes: 2, prepMinutesPerExtraUnit: null }, 12)).toBe(2);
  });
});
