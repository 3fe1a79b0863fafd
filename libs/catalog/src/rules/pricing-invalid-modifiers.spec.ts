import { CatalogErrorCode } from '../catalog.errors';
import { latte, TODAY } from '../../test/pricing.factory';
import { priceLine } from './pricing';

const reasons = (ids: string[]) => {
  const outcome = priceLine(1, { productId: 'latte', quantity: 1, modifierOptionIds: ids }, latte(), undefined, { today: TODAY });
  if (outcome.ok) return [];
  for (const p of outcome.problems) {
    expect(p).toMatchObject({ code: CatalogErrorCode.INVALID_MODIFIERS, field: 'items.1.modifierOptionIds' });
  }
  return outcome.problems.map((p) => p.reason);
};

describe('modifier choices the café does not offer', () => {
  it('refuses too few and too many choices in a group', () => {
    expect(reasons([])).toEqual(['choose at least 1 of Storlek (Size)']);
    expect(reasons(['small', 'large'])).toEqual(['choose at most 1 of Storlek (Size)']);
    expect(reasons(['small', 'shot', 'syrup', 'no-lid'])).toEqual(['choose at most 2 of Extra (Extras)']);
  });

  it('refuses an option of another product, an inactive option and a duplicate', () => {
    expect(reasons(['small', 'ketchup'])).toEqual(['option ketchup is not offered with Caffè latte']);
    expect(reasons(['small', 'soy'])).toEqual(['option soy is not offered with Caffè latte']);
    expect(reasons(['small', 'shot', 'shot'])).toEqual(['option shot is chosen more than once']);
  });

  it('refuses a quantity below one', () => {
    const outcome = priceLine(0, { productId: 'latte', quantity: 0 }, latte(), undefined, { today: TODAY });
    expect(outcome.ok ? undefined : outcome.problems).toEqual([{ code: CatalogErrorCode.INVALID_QUANTITY, field: 'items.0.quantity', reason: 'must be a whole number of at least 1' }]);
  });
});
