import {
  ActorKind,
  allowedActions,
  FINAL_STATUSES,
  nextStatus,
  ORDER_ACTIONS,
  OrderAction,
  OrderStatus,
} from './order-state-machine';

const ACTORS: readonly ActorKind[] = ['customer', 'staff', 'station', 'system'];

type Example = [name: string, from: OrderStatus, action: OrderAction, by: ActorKind, payInStore: boolean, to: OrderStatus | null];

const ONLINE = false;
const IN_STORE = true;

describe('order state machine', () => {
  const moves: Example[] = [
    ['the payment provider marks an unpaid order paid', 'pending_payment', 'pay', 'system', ONLINE, 'paid'],
    ['staff accept a paid order', 'paid', 'accept', 'staff', ONLINE, 'accepted'],
    ['a station accepts a paid order', 'paid', 'accept', 'station', ONLINE, 'accepted'],
    ['staff accept a pay-at-pickup order without waiting for a payment', 'pending_payment', 'accept', 'staff', IN_STORE, 'accepted'],
    ['a station accepts a pay-at-pickup order without waiting for a payment', 'pending_payment', 'accept', 'station', IN_STORE, 'accepted'],
    ['staff start preparing an accepted order', 'accepted', 'start', 'staff', ONLINE, 'preparing'],
    ['a station starts preparing an accepted order', 'accepted', 'start', 'station', IN_STORE, 'preparing'],
    ['a station marks an order in preparation ready', 'preparing', 'ready', 'station', ONLINE, 'ready'],
    ['staff mark an accepted coffee ready without a separate start', 'accepted', 'ready', 'staff', ONLINE, 'ready'],
    ['staff hand a ready order over', 'ready', 'hand_over', 'staff', ONLINE, 'picked_up'],
    ['a station hands a ready order over', 'ready', 'hand_over', 'station', IN_STORE, 'picked_up'],
    ['a customer cancels an unpaid order', 'pending_payment', 'cancel', 'customer', ONLINE, 'cancelled'],
    ['a customer cancels a pay-at-pickup order before the store accepts it', 'pending_payment', 'cancel', 'customer', IN_STORE, 'cancelled'],
    ['staff cancel an unpaid order', 'pending_payment', 'cancel', 'staff', ONLINE, 'cancelled'],
    ['the system cancels an unpaid order when the payment fails', 'pending_payment', 'cancel', 'system', ONLINE, 'cancelled'],
    ['a customer cancels a paid order and asks for a refund', 'paid', 'cancel', 'customer', ONLINE, 'cancelled'],
    ['staff cancel a paid order', 'paid', 'cancel', 'staff', ONLINE, 'cancelled'],
    ['staff cancel an order they already accepted', 'accepted', 'cancel', 'staff', ONLINE, 'cancelled'],
    ['the system expires an online order that was never paid', 'pending_payment', 'expire', 'system', ONLINE, 'expired'],
    ['the system marks an uncollected ready order a no-show', 'ready', 'no_show', 'system', ONLINE, 'no_show'],
    ['staff mark an uncollected ready order a no-show', 'ready', 'no_show', 'staff', IN_STORE, 'no_show'],
    ['staff refund a paid order in full, which calls it off', 'paid', 'refund', 'staff', ONLINE, 'cancelled'],
    ['staff refund an order being prepared in full, which calls it off', 'preparing', 'refund', 'staff', ONLINE, 'cancelled'],
    ['staff refund a ready order in full before hand-over, which calls it off', 'ready', 'refund', 'staff', ONLINE, 'cancelled'],
  ];

  const refusals: Example[] = [
    ['a customer cannot mark their own order paid', 'pending_payment', 'pay', 'customer', ONLINE, null],
    ['staff cannot mark an order paid', 'pending_payment', 'pay', 'staff', ONLINE, null],
    ['a station cannot mark an order paid', 'pending_payment', 'pay', 'station', IN_STORE, null],
    ['an order cannot be paid twice', 'paid', 'pay', 'system', ONLINE, null],
    ['a pay-at-pickup order is not paid online', 'pending_payment', 'pay', 'system', IN_STORE, null],
    ['an online order cannot be accepted before it is paid', 'pending_payment', 'accept', 'staff', ONLINE, null],
    ['a customer cannot accept their own order', 'paid', 'accept', 'customer', ONLINE, null],
    ['the system does not accept orders on the store’s behalf', 'paid', 'accept', 'system', ONLINE, null],
    ['an accepted order cannot be accepted again', 'accepted', 'accept', 'staff', ONLINE, null],
    ['a paid order cannot be started before the store accepts it', 'paid', 'start', 'staff', ONLINE, null],
    ['a customer cannot start preparing an order', 'accepted', 'start', 'customer', ONLINE, null],
    ['a paid order cannot be marked ready before the store accepts it', 'paid', 'ready', 'station', ONLINE, null],
    ['the system cannot mark an order ready', 'preparing', 'ready', 'system', ONLINE, null],
    ['an order in preparation cannot be handed over before it is ready', 'preparing', 'hand_over', 'staff', ONLINE, null],
    ['a customer cannot hand an order over to themselves', 'ready', 'hand_over', 'customer', ONLINE, null],
    ['the system cannot hand an order over', 'ready', 'hand_over', 'system', ONLINE, null],
    ['a customer can no longer cancel once the store accepted', 'accepted', 'cancel', 'customer', ONLINE, null],
    ['a station cannot cancel an accepted order', 'accepted', 'cancel', 'station', ONLINE, null],
    ['the system cannot cancel an accepted order', 'accepted', 'cancel', 'system', ONLINE, null],
    ['the system cannot cancel a paid order on its own', 'paid', 'cancel', 'system', ONLINE, null],
    ['a station cannot cancel a paid order', 'paid', 'cancel', 'station', ONLINE, null],
    ['nobody cancels an order in preparation', 'preparing', 'cancel', 'staff', ONLINE, null],
    ['nobody cancels a ready order', 'ready', 'cancel', 'staff', ONLINE, null],
    ['a pay-at-pickup order has no payment deadline, so it never expires', 'pending_payment', 'expire', 'system', IN_STORE, null],
    ['staff cannot expire an order', 'pending_payment', 'expire', 'staff', ONLINE, null],
    ['a paid order does not expire', 'paid', 'expire', 'system', ONLINE, null],
    ['an order is not a no-show before it is ready', 'accepted', 'no_show', 'system', ONLINE, null],
    ['a station cannot mark a no-show', 'ready', 'no_show', 'station', ONLINE, null],
    ['a customer cannot mark themselves a no-show', 'ready', 'no_show', 'customer', ONLINE, null],
    ['an unpaid order has nothing to refund', 'pending_payment', 'refund', 'staff', ONLINE, null],
    ['a pay-at-pickup order has taken no money before hand-over', 'ready', 'refund', 'staff', IN_STORE, null],
    ['a refund after hand-over leaves the order picked up', 'picked_up', 'refund', 'staff', ONLINE, null],
    ['a station cannot refund', 'accepted', 'refund', 'station', ONLINE, null],
    ['a customer cannot refund their own order', 'paid', 'refund', 'customer', ONLINE, null],
  ];

  describe('moves', () => {
    it.each(moves)('%s', (_name, from, action, by, payInStore, to) => {
      expect(nextStatus(from, action, { by, payInStore })).toBe(to);
    });
  });

  describe('refusals', () => {
    it.each(refusals)('%s', (_name, from, action, by, payInStore) => {
      expect(nextStatus(from, action, { by, payInStore })).toBeNull();
    });

    it.each([...FINAL_STATUSES])('nothing moves an order out of %s, whoever asks', (status) => {
      for (const action of ORDER_ACTIONS) {
        for (const by of ACTORS) {
          expect(nextStatus(status, action, { by, payInStore: false })).toBeNull();
          expect(nextStatus(status, action, { by, payInStore: true })).toBeNull();
        }
      }
    });

    it('allows nothing for a status or an action it does not know', () => {
      expect(nextStatus('refunded' as OrderStatus, 'cancel', { by: 'staff', payInStore: false })).toBeNull();
      expect(nextStatus('paid', 'bogus' as OrderAction, { by: 'staff', payInStore: false })).toBeNull();
      expect(nextStatus('paid', 'constructor' as OrderAction, { by: 'staff', payInStore: false })).toBeNull();
      expect(allowedActions('refunded' as OrderStatus, { by: 'staff', payInStore: false })).toEqual([]);
    });
  });

  describe('allowed actions', () => {
    it('offers staff accept, cancel and a full refund on a paid order', () => {
      expect(allowedActions('paid', { by: 'staff', payInStore: false })).toEqual(['accept', 'cancel', 'refund']);
    });

    it('offers staff only cancel while an online order waits for its payment', () => {
      expect(allowedActions('pending_payment', { by: 'staff', payInStore: false })).toEqual(['cancel']);
    });

    it('offers staff accept and cancel on a new pay-at-pickup order', () => {
      expect(allowedActions('pending_payment', { by: 'staff', payInStore: true })).toEqual(['accept', 'cancel']);
    });

    it('lets the system pay, cancel or expire an online order that waits for its payment', () => {
      expect(allowedActions('pending_payment', { by: 'system', payInStore: false })).toEqual(['pay', 'cancel', 'expire']);
    });

    it('offers a station start and ready on an accepted order, but no cancel', () => {
      expect(allowedActions('accepted', { by: 'station', payInStore: false })).toEqual(['start', 'ready']);
      expect(allowedActions('accepted', { by: 'staff', payInStore: false })).toEqual(['start', 'ready', 'cancel', 'refund']);
    });

    it('offers staff hand over and no-show on a ready order', () => {
      expect(allowedActions('ready', { by: 'staff', payInStore: true })).toEqual(['hand_over', 'no_show']);
    });

    it('offers a customer cancel until the store accepts, and nothing after', () => {
      expect(allowedActions('pending_payment', { by: 'customer', payInStore: false })).toEqual(['cancel']);
      expect(allowedActions('paid', { by: 'customer', payInStore: false })).toEqual(['cancel']);
      expect(allowedActions('accepted', { by: 'customer', payInStore: false })).toEqual([]);
      expect(allowedActions('ready', { by: 'customer', payInStore: false })).toEqual([]);
    });

    it('offers nothing on a picked-up order', () => {
      for (const by of ACTORS) expect(allowedActions('picked_up', { by, payInStore: false })).toEqual([]);
    });
  });
});
