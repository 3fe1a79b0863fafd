import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { rootTransactionOf } from '@kassa/platform';
import { inSystemContext } from './system-context';

type Work = () => Promise<void>;

/**
 * Work that must wait until the caller's transaction has committed: sending a new print job to a
 * station (it must be able to acknowledge what it got) or cutting off a station whose token was
 * rotated (it must not sign in again with the old one). A rollback drops the work.
 */
@Injectable()
export class AfterCommit implements EventSubscriber, OnModuleInit {
  private readonly logger = new Logger('Printing');
  private readonly pending = new WeakMap<object, Work[]>();

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
  ) {}

  onModuleInit(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /** Runs `work` once the current transaction commits; outside any transaction, right away. */
  add(work: Work): void {
    const transaction = this.em.getTransactionContext<object>();
    if (!transaction) {
      void this.run([work]);
      return;
    }
    const root = rootTransactionOf(transaction);
    const list = this.pending.get(root) ?? [];
    list.push(work);
    this.pending.set(root, list);
  }

  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const list = args.transaction ? this.pending.get(args.transaction) : undefined;
    if (!list || !args.transaction) return;
    this.pending.delete(args.transaction);
    await this.run(list);
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    if (args.transaction) this.pending.delete(args.transaction);
  }

  private async run(list: Work[]): Promise<void> {
    for (const work of list) {
      try {
        await inSystemContext(this.orm, () => work());
      } catch (error) {
        // What failed here is caught up later (resume, the watcher); the commit itself stands.
        this.logger.error(`After-commit work failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }
}
