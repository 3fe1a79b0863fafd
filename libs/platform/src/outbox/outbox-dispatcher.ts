import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ChangeSetType, MikroORM } from '@mikro-orm/core';
import type { EntityManager, EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { rootTransactionOf } from '../database/root-transaction';
import { PLATFORM_OPTIONS, PlatformOptions } from '../platform.options';
import { OutboxDelivery } from './outbox-delivery';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';
import { BullMqTransport, ClaimedMessage, InProcessTransport, OutboxTransport } from './outbox-transport';

const LEASE_SECONDS = 60;
const BATCH = 100;

/**
 * Finds due outbox rows and hands them to the transport. Claiming uses SKIP LOCKED and a lease,
 * so any number of replicas can dispatch, and a row claimed by a process that died is claimed
 * again when its lease runs out: a crash between commit and delivery loses nothing.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy, EventSubscriber {
  private readonly logger = new Logger('OutboxDispatcher');
  private transport?: OutboxTransport;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private pollAgain = false;
  private stopped = false;
  /** Root transactions that wrote due outbox rows; the commit of one of them is worth a claim. */
  private readonly wroteOutbox = new WeakSet<object>();
  /** Managers whose flush wrote outbox rows in a transaction of its own, committed before afterFlush. */
  private readonly flushedOutbox = new WeakSet<object>();
  /** Rows written already claimed by this process (see `claimAtBirth`), by root transaction or by manager (a flush of its own): delivered when it commits. */
  private readonly bornClaimed = new WeakMap<object, OutboxMessage[]>();
  /** The rows `claimAtBirth` claimed: a row written as processing by anything else is not this process's to deliver. */
  private readonly claimedHere = new WeakSet<OutboxMessage>();

  constructor(
    private readonly orm: MikroORM,
    private readonly delivery: OutboxDelivery,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.outbox.dispatch) return;
    const { maxAttempts, retryBaseMs, concurrency } = this.options.outbox;
    const deliver = (message: ClaimedMessage) => this.delivery.deliver(message, { maxAttempts, retryBaseMs });
    this.transport = this.options.redis
      ? new BullMqTransport(this.options.redis.url, this.options.redis.prefix, deliver, concurrency)
      : new InProcessTransport(deliver, concurrency);
    this.orm.em.getEventManager().registerSubscriber(this);
    this.logger.log(`Dispatching outbox messages ${this.options.redis ? 'through BullMQ' : 'in process'}`);
    this.nudge();
  }

  /**
   * MikroORM hook: notes whether this flush writes outbox rows that are due, so that only those
   * commits start a claim — most commits (deliveries, print acks, reads) write none. MikroORM runs
   * commit hooks for root transactions only, so a flush inside a savepoint marks its root.
   */
  onFlush({ em, uow }: FlushEventArgs): void {
    const transaction = em.getTransactionContext<object>();
    // A flush of its own hands over only what it writes itself (a failed one wrote nothing).
    if (!transaction) this.bornClaimed.delete(em);
    const claimed: OutboxMessage[] = [];
    let due = false;
    for (const change of uow.getChangeSets()) {
      if (!(change.entity instanceof OutboxMessage)) continue;
      if (change.type === ChangeSetType.CREATE && this.claimedHere.has(change.entity)) {
        if (!isSavepoint(transaction)) {
          claimed.push(change.entity);
          continue;
        }
        // Written in a savepoint, which may roll back while its root commits: an ordinary row
        // then, found by the claim after the root's commit (the claim reads what committed).
        this.unclaim(change.entity);
        uow.recomputeSingleChangeSet(change.entity);
      }
      if (change.type === ChangeSetType.CREATE || (change.type === ChangeSetType.UPDATE && change.payload.status === OutboxStatus.PENDING)) due = true;
    }
    if (claimed.length > 0) this.noteWritten(em, claimed, { flushing: true });
    if (!due) return;
    if (transaction) this.wroteOutbox.add(rootTransactionOf(transaction));
    else this.flushedOutbox.add(em);
  }

  /** A flush outside a transaction has committed by now. */
  afterFlush({ em }: FlushEventArgs): void {
    this.deliverBorn(em);
    if (this.flushedOutbox.delete(em)) this.nudge();
  }

  /** Rows just committed: deliver those born claimed, and look for the others now rather than at the next tick. */
  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    if (!transaction) return;
    this.deliverBorn(transaction);
    if (this.wroteOutbox.delete(transaction)) this.nudge();
  }

  /**
   * Makes a new row claimed by this process as it is written (processing, first attempt, leased)
   * when this process delivers: after its transaction commits the row goes straight to the
   * transport, without a claim statement. Should the process die first, the lease runs out and any
   * replica's poll claims the row, as it does a claimed row whose delivery died.
   */
  claimAtBirth(message: OutboxMessage, em: EntityManager): void {
    if (!this.transport || this.stopped || isSavepoint(em.getTransactionContext<object>())) return;
    message.status = OutboxStatus.PROCESSING;
    message.attempts = 1;
    message.lockedUntil = new Date(Date.now() + LEASE_SECONDS * 1000);
    this.claimedHere.add(message);
  }

  private unclaim(message: OutboxMessage): void {
    this.claimedHere.delete(message);
    message.status = OutboxStatus.PENDING;
    message.attempts = 0;
    message.lockedUntil = null;
  }

  /**
   * Rows written outside the unit of work (EventPublisher.written, by the manager `rowsFor` was
   * asked in, so never in a savepoint it was not), or flushed by it: those born claimed are
   * delivered when their root transaction commits — at once when they were written without one
   * (after the flush, for a flush of its own) — and the others are claimed then.
   */
  noteWritten(em: EntityManager, messages: readonly OutboxMessage[], how: { flushing?: boolean } = {}): void {
    const born = messages.filter((m) => this.claimedHere.has(m));
    const due = born.length < messages.length;
    const transaction = em.getTransactionContext<object>();
    const owner = transaction ? rootTransactionOf(transaction) : em;
    if (born.length > 0) this.bornClaimed.set(owner, [...(this.bornClaimed.get(owner) ?? []), ...born]);
    if (transaction) {
      if (due) this.wroteOutbox.add(owner);
    } else if (!how.flushing) {
      this.deliverBorn(em);
      if (due) this.nudge();
    }
  }

  private deliverBorn(owner: object): void {
    const born = this.bornClaimed.get(owner);
    if (!born) return;
    this.bornClaimed.delete(owner);
    if (!this.transport || this.stopped) return; // their lease runs out and a poll claims them
    const messages = born.map((m) => ({ id: m.id, attempts: m.attempts, eventType: m.eventType, consumer: m.consumer, payload: m.payload, storeId: m.storeId }));
    this.transport
      .send(messages)
      .catch((error: unknown) => this.logger.error(`Handing over new outbox messages failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  nudge(): void {
    if (this.stopped || !this.transport) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.polling = this.poll().finally(() => {
      this.polling = undefined;
      if (this.stopped) return;
      if (this.pollAgain) {
        this.pollAgain = false;
        setImmediate(() => this.nudge());
      } else {
        this.timer = setTimeout(() => this.nudge(), this.options.outbox.pollIntervalMs);
      }
    });
  }

  private async poll(): Promise<void> {
    try {
      let claimed: ClaimedMessage[];
      do {
        claimed = await this.claim();
        if (claimed.length > 0 && this.transport) await this.transport.send(claimed);
      } while (claimed.length === BATCH && !this.stopped);
    } catch (error) {
      this.logger.error(`Polling the outbox failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async claim(): Promise<ClaimedMessage[]> {
    const rows: Array<{ id: string; attempts: number; event_type: string; consumer: string; payload: object; store_id: string | null }> = await this.delivery
      .systemEm()
      .execute(
        `update outbox_message set status = 'processing', attempts = attempts + 1,
                locked_until = now() + make_interval(secs => ?)
          where id in (
            select id from outbox_message
             where (status = 'pending' and available_at <= now())
                or (status = 'processing' and locked_until < now())
             order by available_at
             limit ? for update skip locked)
        returning id, attempts, event_type, consumer, payload, store_id`,
        [LEASE_SECONDS, BATCH],
      );
    return rows.map((r) => ({ id: r.id, attempts: Number(r.attempts), eventType: r.event_type, consumer: r.consumer, payload: r.payload, storeId: r.store_id }));
  }

  /** Runs before any shutdown hook, so deliveries finish while the database is still open. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await this.transport?.close();
  }
}

/** A nested transaction (a savepoint): MikroORM runs no hooks when it commits or rolls back. */
function isSavepoint(transaction: object | undefined): boolean {
  return transaction !== undefined && rootTransactionOf(transaction) !== transaction;
}
