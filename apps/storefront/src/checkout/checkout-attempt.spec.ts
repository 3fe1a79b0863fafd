import type { CheckoutRequest } from '../api/types';
import { CheckoutAttempt } from './checkout-attempt';

const request = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  storeId: '6f1c2d3e-0000-4000-8000-000000000001',
  items: [{ productId: '6f1c2d3e-0000-4000-8000-000000000002', quantity: 1 }],
  pickup: { asap: true },
  customer: { name: 'Åsa Öberg', email: 'asa@example.se' },
  payment: { method: 'test' },
  locale: 'sv',
  ...overrides,
});

describe('one Idempotency-Key per checkout attempt', () => {
  it('sends the same key again when the customer retries the same order (lost answer, double tap)', () => {
    const attempt = new CheckoutAttempt();
    const first = attempt.keyFor(request());
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(attempt.keyFor(request())).toBe(first);
  });

  it('takes a new key when the cart or a choice changes, and after an order is placed', () => {
    const attempt = new CheckoutAttempt();
    const first = attempt.keyFor(request());
    const changed = attempt.keyFor(request({ items: [{ productId: '6f1c2d3e-0000-4000-8000-000000000002', quantity: 2 }] }));
    expect(changed).not.toBe(first);
    expect(attempt.keyFor(request({ pickup: { slotStart: '2026-11-25T07:00:00+01:00' } }))).not.toBe(changed);
    const placed = attempt.keyFor(request());
    attempt.reset();
    expect(attempt.keyFor(request())).not.toBe(placed);
  });
});
