import fc from 'fast-check';
import {
  ActorKind,
  allowedActions,
  FINAL_STATUSES,
  nextStatus,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  OrderAction,
  OrderStatus,
} from './order-state-machine';

const ACTORS: readonly ActorKind[] = ['customer', 'staff', 'station', 'system'];

type Payment = 'either' | 'in_store' | 'online';
type Edge = readonly [from: OrderStatus, action: OrderAction, to: OrderStatus, by: ActorKind, payment: Payment];

// The documented lifecycle written out again, one row per actor, independently of the table
// under test: a slip in either shows up as a disagreement.
const GRAPH: readonly Edge[] = [
  ['pending_payment', 'pay', 'paid', 'system', 'online'],
  ['paid', 'accept', 'accepted', 'staff', 'either'],
  ['paid', 'accept', 'accepted', 'station', 'either'],
  ['pending_payment', 'accept', 'accepted', 'staff', 'in_store'],
  ['pending_payment', 'accept', 'accepted', 'station', 'in_store'],
  ['accepted', 'start', 'preparing', 'staff', 'either'],
  ['accepted', 'start', 'preparing', 'station', 'either'],
  ['preparing', 'ready', 'ready', 'staff', 'either'],
  ['preparing', 'ready', 'ready', 'station', 'either'],
  ['accepted', 'ready', 'ready', 'staff', 'either'],
  ['accepted', 'ready', 'ready', 'station', 'either'],
  ['ready', 'hand_over', 'picked_up', 'staff', 'either'],
  ['ready', 'hand_over', 'picked_up', 'station', 'either'],
  ['pending_payment', 'cancel', 'cancelled', 'customer', 'either'],
  ['pending_payment', 'cancel', 'cancelled', 'staff', 'either'],
  ['pending_payment', 'cancel', 'cancelled', 'system', 'either'],
  ['paid', 'cancel', 'cancelled', 'customer', 'either'],
  ['paid', 'cancel', 'cancelled', 'staff', 'either'],
  ['accepted', 'cancel', 'cancelled', 'staff', 'either'],
  ['pending_payment', 'expire', 'expired', 'system', 'online'],
  ['ready', 'no_show', 'no_show', 'system', 'either'],
  ['ready', 'no_show', 'no_show', 'staff', 'either'],
  ['paid', 'refund', 'cancelled', 'staff', 'online'],
  ['accepted', 'refund', 'cancelled', 'staff', 'online'],
  ['preparing', 'refund', 'cancelled', 'staff', 'online'],
  ['ready', 'refund', 'cancelled', 'staff', 'online'],
];

function expectedNext(from: OrderStatus, action: OrderAction, by: ActorKind, payInStore: boolean): OrderStatus | null {
  const edge = GRAPH.find(
    ([f, a, , b, payment]) =>
      f === from && a === action && b === by && (payment === 'either' || payment === (payInStore ? 'in_store' : 'online')),
  );
  return edge ? edge[2] : null;
}

interface Attempt {
  readonly action: OrderAction;
  readonly by: ActorKind;
}

// Endings (cancel, expire, no-show, a full refund) are tried less often than the forward moves, so that walks
// regularly get all the way to picked_up instead of ending at the first cancel.
const ENDINGS: readonly OrderAction[] = ['cancel', 'expire', 'no_show', 'refund'];
const attempt: fc.Arbitrary<Attempt> = fc.record({
  action: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ORDER_ACTIONS.filter((a) => !ENDINGS.includes(a))) },
    { weight: 1, arbitrary: fc.constantFrom(...ENDINGS) },
  ),
  by: fc.constantFrom(...ACTORS),
});

/** Applies the attempts from pending_payment, skipping refused ones, and checks every step against the rules. */
function walk(payInStore: boolean, attempts: readonly Attempt[], reached: Set<OrderStatus>): void {
  let status: OrderStatus = 'pending_payment';
  reached.add(status);
  for (const { action, by } of attempts) {
    const context = { by, payInStore };

    // The buttons offered are exactly the actions that would go through, and those the graph has.
    const goThrough = ORDER_ACTIONS.filter((a) => nextStatus(status, a, context) !== null);
    expect(allowedActions(status, context)).toEqual(goThrough);
    expect(goThrough).toEqual(ORDER_ACTIONS.filter((a) => expectedNext(status, a, by, payInStore) !== null));

    const to = nextStatus(status, action, context);
    // Every step taken is an edge of the graph, and every edge of the graph is taken.
    expect({ from: status, action, by, payInStore, to }).toEqual({
      from: status,
      action,
      by,
      payInStore,
      to: expectedNext(status, action, by, payInStore),
    });
    if (to === null) continue;

    expect(FINAL_STATUSES.has(status)).toBe(false);
    if (to === 'picked_up') expect(status).toBe('ready');
    if (to === 'paid') expect({ action, by }).toEqual({ action: 'pay', by: 'system' });
    // A customer may only back out; they never push their order forward.
    if (by === 'customer') expect({ action, to }).toEqual({ action: 'cancel', to: 'cancelled' });

    status = to;
    reached.add(status);
  }
  if (FINAL_STATUSES.has(status)) {
    for (const by of ACTORS) expect(allowedActions(status, { by, payInStore })).toEqual([]);
  }
}

describe('order state machine, random walks', () => {
  it('only ever moves along the documented graph, whatever is attempted by whom', () => {
    const reached = new Set<OrderStatus>();
    fc.assert(
      fc.property(fc.boolean(), fc.array(attempt, { minLength: 30, maxLength: 80 }), (payInStore, attempts) => walk(payInStore, attempts, reached)),
      { numRuns: 1000 },
    );
    // The walks are only worth something if they got everywhere.
    expect([...reached].sort()).toEqual([...ORDER_STATUSES].sort());
  });
});
