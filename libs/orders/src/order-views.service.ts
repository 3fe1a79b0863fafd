import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { PaymentsService } from '@kassa/payments';
import { CommonError, FieldProblem, isCalendarDate, ListPage, ListQuery, parseInstant } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { OrderDetailResponse, OrderResponse, OrderSummaryResponse } from './dto/order-response.dto';
import { Order } from './entities/order.entity';
import { customerView, detailView, summaryView } from './order-views';
import { OrdersService } from './orders.service';
import { ORDER_STATUSES, OrderStatus } from './rules/order-state-machine';

interface OrderFilter {
  readonly id?: string[];
  readonly storeId?: string[];
  readonly status?: string[];
  readonly businessDate?: string;
  readonly pickupFrom?: string;
  readonly pickupTo?: string;
  readonly q?: string;
}

/** Orders as the customer and staff see them: times in the store's zone, the payment's status alongside. */
@Injectable()
export class OrderViews {
  constructor(
    private readonly em: EntityManager,
    private readonly orders: OrdersService,
    private readonly stores: StoresService,
    private readonly payments: PaymentsService,
  ) {}

  async customer(order: Order): Promise<OrderResponse> {
    const [lines, payment, timeZone] = await Promise.all([this.orders.lines(order.id), this.paymentOf(order), this.timeZoneOf(order.storeId)]);
    return customerView(order, lines, payment, this.orders.signer.orderToken(order.id), timeZone);
  }

  async detail(order: Order): Promise<OrderDetailResponse> {
    const [lines, timeline, payment, timeZone] = await Promise.all([
      this.orders.lines(order.id),
      this.orders.timeline(order.id),
      this.paymentOf(order),
      this.timeZoneOf(order.storeId),
    ]);
    return detailView(order, lines, timeline, payment, timeZone);
  }

  async list(query: ListQuery): Promise<ListPage<OrderSummaryResponse>> {
    const [items, total] = await this.em.findAndCount(Order, whereOf(query.filter as OrderFilter), {
      // Orders of one slot in the order they came in, so a refreshing board does not reshuffle.
      orderBy: [{ [query.sort.field]: query.sort.order }, { createdAt: 'ASC' }, { id: 'ASC' }],
      limit: query.limit,
      offset: query.offset,
    });
    const zones = new Map<string, string>();
    for (const storeId of new Set(items.map((o) => o.storeId))) zones.set(storeId, await this.timeZoneOf(storeId));
    const statuses = await this.paymentStatuses(items);
    return { items: items.map((o) => summaryView(o, statuses.get(o.id) ?? null, zones.get(o.storeId) ?? 'UTC')), total, offset: query.offset };
  }

  private paymentOf(order: Order) {
    return order.paymentId ? this.payments.get(order.paymentId) : Promise.resolve(null);
  }

  /** Payment status by order, for a page of orders in one read. */
  private async paymentStatuses(orders: readonly Order[]): Promise<Map<string, string>> {
    const ids = orders.map((o) => o.paymentId).filter((id): id is string => id !== null);
    const byPayment = new Map((await this.payments.many(ids)).map((p) => [p.id, p.status as string]));
    return new Map(orders.flatMap((o) => (o.paymentId && byPayment.has(o.paymentId) ? [[o.id, byPayment.get(o.paymentId) as string]] : [])));
  }

  private async timeZoneOf(storeId: string): Promise<string> {
    return (await this.stores.get(storeId)).timezone;
  }
}

function whereOf(filter: OrderFilter): FilterQuery<Order> {
  const problems: FieldProblem[] = [];
  const statuses = filter.status?.filter((s): s is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(s));
  if (filter.status && statuses?.length !== filter.status.length) problems.push({ field: 'filter.status', reason: `must be among ${ORDER_STATUSES.join(', ')}` });
  if (filter.businessDate !== undefined && !isCalendarDate(filter.businessDate)) problems.push({ field: 'filter.businessDate', reason: 'must be a date YYYY-MM-DD' });
  const from = filter.pickupFrom === undefined ? undefined : parseInstant(filter.pickupFrom);
  if (from === null) problems.push({ field: 'filter.pickupFrom', reason: 'must be an ISO 8601 date-time with offset' });
  const to = filter.pickupTo === undefined ? undefined : parseInstant(filter.pickupTo);
  if (to === null) problems.push({ field: 'filter.pickupTo', reason: 'must be an ISO 8601 date-time with offset' });
  if (problems.length > 0) throw CommonError.validation(problems);
  const q = filter.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return {
    ...(filter.id ? { id: { $in: filter.id } } : {}),
    ...(filter.storeId ? { storeId: { $in: filter.storeId } } : {}),
    ...(statuses ? { status: { $in: statuses } } : {}),
    ...(filter.businessDate ? { businessDate: filter.businessDate } : {}),
    ...(from != null || to != null
      ? { pickupStart: { ...(from != null ? { $gte: new Date(from) } : {}), ...(to != null ? { $lt: new Date(to) } : {}) } }
      : {}),
    ...(pattern ? { $or: [{ number: { $ilike: pattern } }, { customerName: { $ilike: pattern } }] } : {}),
  };
}
