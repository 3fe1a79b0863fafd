import type { Order, OrderStatus } from './api/types';

/** Statuses after which nothing changes any more: polling stops. */
export const FINAL_STATUSES: readonly OrderStatus[] = ['picked_up', 'expired', 'cancelled', 'no_show'];

const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 15_000;
const GROWTH = 1.5;

/**
 * Reads the order again and again: soon after a change, then less often while nothing happens
 * (2 s growing to 15 s), never while the tab is hidden (it reads at once when it shows again),
 * and not at all once the order is final. A failed read just waits for the next turn.
 */
export class OrderPoller {
  private delay = FIRST_DELAY_MS;
  private timer: number | undefined;
  private stopped = false;
  private last = '';
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.pollNow();
    else window.clearTimeout(this.timer);
  };

  constructor(
    private readonly read: () => Promise<Order>,
    private readonly changed: (order: Order) => void,
  ) {}

  start(initial: Order): void {
    this.last = fingerprint(initial);
    document.addEventListener('visibilitychange', this.onVisibility);
    if (FINAL_STATUSES.includes(initial.status)) return this.stop();
    this.schedule();
  }

  /** Read now and start the delays over (after the customer did something, such as paying). */
  pollNow(): void {
    this.delay = FIRST_DELAY_MS;
    window.clearTimeout(this.timer);
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private schedule(): void {
    if (this.stopped || document.visibilityState === 'hidden') return;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.tick(), this.delay);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      const order = await this.read();
      if (this.stopped) return;
      const now = fingerprint(order);
      if (now !== this.last) {
        this.last = now;
        this.delay = FIRST_DELAY_MS;
        this.changed(order);
      } else {
        this.delay = Math.min(MAX_DELAY_MS, Math.round(this.delay * GROWTH));
      }
      if (FINAL_STATUSES.includes(order.status)) return this.stop();
    } catch {
      this.delay = Math.min(MAX_DELAY_MS, Math.round(this.delay * GROWTH));
    }
    this.schedule();
  }
}

/** What the page shows that can change: the status, the payment and whether cancel is offered. */
const fingerprint = (order: Order): string => JSON.stringify([order.status, order.payment?.status, order.payment?.nextAction?.type, order.cancellable]);
