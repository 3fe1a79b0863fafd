import { Logger } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis } from '../redis/redis';

/** A row the dispatcher claimed, as the claim returned it: delivery needs no second read. */
export interface ClaimedMessage {
  readonly id: string;
  readonly attempts: number;
  readonly eventType: string;
  readonly consumer: string;
  readonly payload: object;
  readonly storeId: string | null;
}

/** Carries "deliver this message now" from the dispatcher to a worker. */
export interface OutboxTransport {
  send(messages: readonly ClaimedMessage[]): Promise<void>;
  close(): Promise<void>;
}

type Deliver = (message: ClaimedMessage) => Promise<void>;

/** Embedded mode: deliver in this process, at most `concurrency` at a time. */
export class InProcessTransport implements OutboxTransport {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: ClaimedMessage[] = [];

  constructor(
    private readonly deliver: Deliver,
    private readonly concurrency: number,
  ) {}

  async send(messages: readonly ClaimedMessage[]): Promise<void> {
    this.waiting.push(...messages);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight.size < this.concurrency && this.waiting.length > 0) {
      const message = this.waiting.shift() as ClaimedMessage;
      const run: Promise<void> = this.deliver(message)
        .catch((error: unknown) => new Logger('Outbox').error(error instanceof Error ? error.stack : String(error)))
        .finally(() => {
          this.inFlight.delete(run);
          this.pump();
        });
      this.inFlight.add(run);
    }
  }

  /** Waits for deliveries under way; what is still waiting is re-claimed after its lease. */
  async close(): Promise<void> {
    this.waiting.length = 0;
    await Promise.all([...this.inFlight]);
  }
}

/** With Redis: BullMQ spreads deliveries over every replica's worker. */
export class BullMqTransport implements OutboxTransport {
  private readonly queueConnection: Redis;
  private readonly workerConnection: Redis;
  private readonly queue: Queue;
  private readonly worker: Worker;

  constructor(url: string, prefix: string, deliver: Deliver, concurrency: number) {
    this.queueConnection = createRedis(url);
    this.workerConnection = createRedis(url);
    this.queue = new Queue('outbox', { connection: this.queueConnection, prefix });
    this.worker = new Worker('outbox', async (job) => deliver(job.data as ClaimedMessage), {
      connection: this.workerConnection,
      prefix,
      concurrency,
    });
    this.worker.on('error', (error) => new Logger('Outbox').error(`BullMQ worker: ${error.message}`));
  }

  async send(messages: readonly ClaimedMessage[]): Promise<void> {
    // One job per attempt: the row, not the queue, decides whether and when to retry. The job
    // carries the claimed row, so the worker that takes it need not read it again.
    await this.queue.addBulk(
      messages.map((m) => ({
        name: 'deliver',
        data: m,
        opts: { jobId: `${m.id}-${m.attempts}`, removeOnComplete: true, removeOnFail: 1000, attempts: 1 },
      })),
    );
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
    this.queueConnection.disconnect();
    this.workerConnection.disconnect();
  }
}
