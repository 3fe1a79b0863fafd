import { retryDelayMs } from './outbox-delivery';

describe('outbox retry delay', () => {
  it('doubles from the base with each attempt', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, middle))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('jitters by at most a fifth either way', () => {
    expect(retryDelayMs(3, 1000, () => 0)).toBe(3200);
    expect(retryDelayMs(3, 1000, () => 1)).toBe(4800);
  });

  it('never waits more than twelve minutes', () => {
    expect(retryDelayMs(40, 1000, () => 1)).toBe(12 * 60_000);
  });
});
