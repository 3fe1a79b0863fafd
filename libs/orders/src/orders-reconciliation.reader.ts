import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ReconciliationOrder, ReconciliationOrders, ReconciliationService } from '@kassa/payments';
import { Order } from './entities/order.entity';

const view = (order: Order): ReconciliationOrder => ({
  id: order.id,
  number: order.number,
  status: order.status,
  paymentId: order.paymentId,
  paymentMethod: order.paymentMethod,
});

/**
 * The reads payments' end-of-day reconciliation needs of orders (number, status, payment), handed
 * to it at init: payments cannot ask orders without a cycle. Scoped to the caller's stores like
 * every read through the request's entity manager.
 */
@Injectable()
export class OrdersReconciliationReader implements ReconciliationOrders, OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly reconciliation: ReconciliationService,
  ) {}

  onModuleInit(): void {
    this.reconciliation.useOrders(this);
  }

  async ordersOf(orderIds: readonly string[]): Promise<ReconciliationOrder[]> {
    if (orderIds.length === 0) return [];
    return (await this.em.find(Order, { id: { $in: [...orderIds] } })).map(view);
  }

  async ordersOfDay(storeId: string, businessDate: string): Promise<ReconciliationOrder[]> {
    return (await this.em.find(Order, { storeId, businessDate })).map(view);
  }
}
