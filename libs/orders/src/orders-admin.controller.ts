import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { MikroORM, Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CancelOrderDto, HandOverDto } from './dto/checkout.dto';
import { OrderDetailResponse, OrderSummaryResponse } from './dto/order-response.dto';
import { OrderPaymentsResponse, RefundOrderDto, RefundResultResponse } from './dto/refund.dto';
import { OrderInScope } from './order-in-scope.guard';
import { OrderRefunds, paymentsView, paymentView, refundView } from './order-refunds.service';
import { OrderViews } from './order-views.service';
import { OrderActor, OrdersService } from './orders.service';
import { OrderAction } from './rules/order-state-machine';

const LIST = {
  sortable: ['pickupStart', 'createdAt', 'number', 'status'],
  defaultSort: { field: 'pickupStart', order: 'ASC' as const },
  filters: {
    storeId: 'uuid[]' as const,
    status: 'string[]' as const,
    businessDate: 'string' as const,
    pickupFrom: 'string' as const,
    pickupTo: 'string' as const,
    q: 'string' as const,
  },
};

const staffActor = (actor: StaffActor): OrderActor => ({ kind: 'staff', id: actor.userId, name: actor.name });

@ApiTags('admin: orders')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@Controller('admin/orders')
export class OrdersAdminController {
  constructor(
    private readonly orders: OrdersService,
    private readonly views: OrderViews,
    private readonly orm: MikroORM,
    private readonly refunds: OrderRefunds,
  ) {}

  @Get()
  @Staff()
  @Paginated('orders')
  @ApiOperation({ summary: 'Orders of the caller’s stores; filter by store, status, business day, pickup window or number/name' })
  @ApiOkResponse({ type: [OrderSummaryResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<OrderSummaryResponse>> {
    return this.views.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: OrderDetailResponse })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<OrderDetailResponse> {
    return this.views.detail(await this.orders.get(id));
  }

  @Post(':id/accept')
  @Staff()
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDetailResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_TRANSITION' })
  @Transactional()
  async accept(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderDetailResponse> {
    return this.move(actor, id, 'accept');
  }

  @Post(':id/start')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'The kitchen starts preparing the order' })
  @ApiOkResponse({ type: OrderDetailResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_TRANSITION' })
  @Transactional()
  async start(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderDetailResponse> {
    return this.move(actor, id, 'start');
  }

  @Post(':id/ready')
  @Staff()
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDetailResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_TRANSITION' })
  @Transactional()
  async ready(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderDetailResponse> {
    return this.move(actor, id, 'ready');
  }

  @Post(':id/no-show')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Nobody came for a ready order (also done automatically after the pickup window and grace period)' })
  @ApiOkResponse({ type: OrderDetailResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_TRANSITION' })
  @Transactional()
  async noShow(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<OrderDetailResponse> {
    return this.move(actor, id, 'no_show');
  }

  @Post(':id/cancel')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an order until it is being prepared; a paid order is refunded, its slot given back' })
  @ApiOkResponse({ type: OrderDetailResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_TRANSITION' })
  @OrderInScope()
  @Transactional()
  async cancel(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CancelOrderDto): Promise<OrderDetailResponse> {
    return this.move(actor, id, 'cancel', body.reason?.trim() || 'Cancelled by the store');
  }

  @Post(':id/hand-over')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand a ready order over: the customer’s pickup code or the scanned QR pass is required' })
  @ApiOkResponse({ type: OrderDetailResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_TRANSITION, PICKUP_CODE_LOCKED (too many wrong codes: scan the pass)' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'PICKUP_CODE_INVALID' })
  @OrderInScope()
  async handOver(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: HandOverDto): Promise<OrderDetailResponse> {
    // Its own transaction so a wrong code is counted (committed) even though the answer is an error.
    const outcome = await this.orm.em.transactional(() => this.orders.handOver(id, body, staffActor(actor)));
    if (!outcome.ok) throw outcome.error;
    return this.views.detail(outcome.order);
  }

  @Get(':id/payments')
  @Staff()
  @ApiOperation({ summary: 'Every payment of the order with its log (status changes, provider calls, refunds), and the refunds made from the admin' })
  @ApiOkResponse({ type: OrderPaymentsResponse })
  async payments(@Param('id', ParseUUIDPipe) id: string): Promise<OrderPaymentsResponse> {
    return paymentsView(await this.refunds.history(id));
  }

  @Post(':id/refunds')
  @Staff()
  @ApiOperation({
    summary: 'Give money back: everything left, an amount, or lines; with a reason, optionally putting the goods back on the shelf. A full refund cancels an order not yet being prepared',
  })
  @ApiCreatedResponse({ type: RefundResultResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'PAYMENT_NOT_PENDING (nothing captured to refund), ORDER_NOT_PAID' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'PAYMENT_REFUND_TOO_LARGE (amount), REFUND_INVALID (names the field)' })
  @OrderInScope()
  @Transactional()
  async refund(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RefundOrderDto): Promise<RefundResultResponse> {
    const outcome = await this.refunds.refund(id, body, staffActor(actor));
    return { refund: refundView(outcome.refund), payment: paymentView(outcome.payment), orderStatus: outcome.orderStatus };
  }

  private async move(actor: StaffActor, id: string, action: OrderAction, reason: string | null = null): Promise<OrderDetailResponse> {
    return this.views.detail(await this.orders.act(id, action, staffActor(actor), reason));
  }
}
