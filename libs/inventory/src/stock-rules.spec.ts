import {
  allocationsFor,
  Component,
  crossedLowThreshold,
  manualDelta,
  manualMovementProblem,
  productStockOf,
  shortLines,
  suggestedQuantity,
  trackingProblems,
} from './stock-rules';

const COFFEE = '00000000-0000-4000-8000-00000000000c';
const MILK = '00000000-0000-4000-8000-00000000000a';
const BUN = '00000000-0000-4000-8000-00000000000b';
const LATTE = '10000000-0000-4000-8000-000000000001';
const KANELBULLE = '10000000-0000-4000-8000-000000000002';

const components = new Map<string, Component[]>([
  [LATTE, [
    { stockItemId: COFFEE, perUnit: 18, allowBackorder: false },
    { stockItemId: MILK, perUnit: 200, allowBackorder: false },
  ]],
  [KANELBULLE, [{ stockItemId: BUN, perUnit: 1, allowBackorder: false }]],
]);

describe('stock rules', () => {
  it('turns two lattes and a bun into 36 g coffee, 400 ml milk and 1 bun, in lock order', () => {
    const demand = allocationsFor(
      [
        { productId: LATTE, name: 'Latte', quantity: 2 },
        { productId: KANELBULLE, name: 'Kanelbulle', quantity: 1 },
        { productId: '10000000-0000-4000-8000-0000000000ff', name: 'Untracked', quantity: 3 },
      ],
      components,
    );
    expect(demand).toEqual([
      { stockItemId: MILK, quantity: 400 },
      { stockItemId: BUN, quantity: 1 },
      { stockItemId: COFFEE, quantity: 36 },
    ]);
  });

  it('counts a recipe product by its scarcest ingredient', () => {
    const stock = productStockOf(components.get(LATTE), new Map([[COFFEE, 1000], [MILK, 450]]));
    expect(stock).toEqual({ tracked: true, available: 2, soldOut: false });
    expect(productStockOf(components.get(LATTE), new Map([[COFFEE, 17], [MILK, 450]]))).toEqual({ tracked: true, available: 0, soldOut: true });
    expect(productStockOf(undefined, new Map())).toEqual({ tracked: false, available: null, soldOut: false });
  });

  it('is not sold out below zero when backorder is allowed', () => {
    expect(productStockOf([{ stockItemId: BUN, perUnit: 1, allowBackorder: true }], new Map([[BUN, -3]]))).toEqual({
      tracked: true,
      available: -3,
      soldOut: false,
    });
  });

  it('names each short line with what is left in its own units', () => {
    const lines = [
      { productId: KANELBULLE, name: 'Kanelbulle', quantity: 1 },
      { productId: LATTE, name: 'Latte', quantity: 3 },
    ];
    const demand = allocationsFor(lines, components);
    expect(shortLines(lines, components, demand, new Map([[BUN, 5], [COFFEE, 1000], [MILK, 500]]))).toEqual([
      { field: 'items.1.quantity', reason: 'Latte: only 2 left' },
    ]);
  });

  it('fires the low-stock alert once, when availability crosses the threshold downward', () => {
    expect(crossedLowThreshold(5, 4, -3)).toBe(true); // 7 → 4
    expect(crossedLowThreshold(5, 5, -1)).toBe(true); // 6 → 5
    expect(crossedLowThreshold(5, 3, -1)).toBe(false); // 4 → 3: already low
    expect(crossedLowThreshold(5, 8, 4)).toBe(false); // going up
    expect(crossedLowThreshold(0, -1, -5)).toBe(false); // threshold off
  });

  it('reads manual movements the way staff mean them', () => {
    expect(manualDelta('delivery', 12, 3)).toBe(12);
    expect(manualDelta('waste', 2, 3)).toBe(-2);
    expect(manualDelta('adjustment', -4, 3)).toBe(-4);
    expect(manualDelta('count', 7, 10)).toBe(-3);
    expect(manualMovementProblem('adjustment', 0)).toMatch(/other than 0/);
    expect(manualMovementProblem('delivery', 0)).toMatch(/from 1/);
    expect(manualMovementProblem('waste', -1)).toMatch(/from 1/);
    expect(manualMovementProblem('count', -1)).toMatch(/counted/);
    expect(manualMovementProblem('count', 0)).toBeUndefined();
  });

  it('suggests ordering up to the par level', () => {
    expect(suggestedQuantity(20, 3)).toBe(17);
    expect(suggestedQuantity(20, -2)).toBe(22);
    expect(suggestedQuantity(0, 3)).toBe(0);
  });

  it('names every wrong ingredient field the way the product form does', () => {
    expect(
      trackingProblems({ mode: 'recipe', ingredients: [{ stockItemId: 'x', quantity: 0 }, { stockItemId: COFFEE, quantity: 18 }, { stockItemId: COFFEE, quantity: 1.5 }] }).map((p) => p.field),
    ).toEqual(['stock.ingredients.0.stockItemId', 'stock.ingredients.0.quantity', 'stock.ingredients.2.stockItemId', 'stock.ingredients.2.quantity']);
    expect(trackingProblems({ mode: 'recipe', ingredients: [] })).toEqual([{ field: 'stock.ingredients', reason: 'must name at least one ingredient' }]);
    expect(trackingProblems({ mode: 'sometimes' } as never)).toEqual([{ field: 'stock.mode', reason: 'must be one of untracked, tracked, recipe' }]);
  });
});
