import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ORDER_PAID, ORDER_PLACED, OrderEventPayload } from '@kassa/orders';
import { OutboxConsumers } from '@kassa/platform';
import { PrintJobsService } from './print-jobs.service';

/**
 * A paid order (or one taken to pay at pickup, which is never paid online) becomes paper: the
 * jobs are written in this delivery's transaction and pushed to the station after it commits.
 */
@Injectable()
export class OrderPrintingListener implements OnModuleInit {
  constructor(
    private readonly consumers: OutboxConsumers,
    private readonly em: EntityManager,
    private readonly jobs: PrintJobsService,
  ) {}

  onModuleInit(): void {
    this.consumers.register<OrderEventPayload>({
      name: 'printing.order-paid',
      eventType: ORDER_PAID,
      handle: async (event) => this.print(event.payload.orderId),
    });
    this.consumers.register<OrderEventPayload>({
      name: 'printing.order-placed-in-store',
      eventType: ORDER_PLACED,
      wants: (payload) => payload.paymentMethod === 'in_store',
      handle: async (event) => this.print(event.payload.orderId),
    });
  }

  private async print(orderId: string): Promise<void> {
    await this.em.transactional(() => this.jobs.printOrder(orderId));
  }
}
