import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../database/sql';

interface Waiting {
  readonly id: string;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Marks delivered messages done, one statement for every delivery that finished while the previous
 * statement ran: a paid order's three deliveries, or a burst of them, share one update instead of
 * one each. `mark` resolves once the row is marked; a message whose mark is lost to a crash is
 * delivered again after its lease, as before (deliveries are at least once).
 */
export class DoneMarks {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly em: () => EntityManager) {}

  mark(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, resolve, reject });
      if (!this.running) {
        this.running = true;
        // Deliveries that finish in the same turn of the event loop join this statement.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      await this.em().execute(
        `update outbox_message set status = 'done', locked_until = null, processed_at = now()
          where id = any(?::uuid[]) and status = 'processing'`,
        [uuidArray(batch.map((w) => w.id))],
      );
      for (const w of batch) w.resolve();
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
    if (this.waiting.length > 0) setImmediate(() => void this.flush());
    else this.running = false;
  }
}
