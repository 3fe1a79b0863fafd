import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { MikroORM, Transactional } from '@mikro-orm/core';
import type { ProviderStart } from '@kassa/payments';
import type { Request, Response } from 'express';
import { ErrorBody, Public } from '@kassa/shared';
import { CheckoutAnswer, CheckoutFlow } from './checkout/checkout.flow';
import { CheckoutDto } from './dto/checkout.dto';
import { OrderResponse, PickupPassResponse } from './dto/order-response.dto';
import { OrderViews } from './order-views.service';
import { OrdersService } from './orders.service';
import { qrPng, qrSvg } from './rules/pickup-pass';

const ORDER_TOKEN = { name: 'X-Order-Token', required: true, description: 'The `token` the checkout answered with' };

@ApiTags('storefront: orders')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('orders')
export class StorefrontOrdersController {
  constructor(
    private readonly checkoutFlow: CheckoutFlow,
    private readonly orders: OrdersService,
    private readonly views: OrderViews,
    private readonly orm: MikroORM,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Place an order: prices it, holds the pickup slot and the stock, starts the payment',
    description:
      'The same Idempotency-Key with the same body replays the first answer byte for byte (72 hours); ' +
      'with another body it is refused. Unpaid orders expire when `holdExpiresAt` passes.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Unique per checkout (e.g. a UUID), up to 255 characters' })
  @ApiCreatedResponse({ type: OrderResponse, headers: { 'Idempotent-Replayed': { description: '`true` when this is the answer of an earlier request' } } })
  @ApiConflictResponse({ type: ErrorBody, description: 'SLOT_FULL, OUT_OF_STOCK (names the line), IDEMPOTENCY_KEY_IN_USE' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'PRODUCT_UNAVAILABLE, STORE_CLOSED, SLOT_TOO_EARLY, IDEMPOTENCY_KEY_REUSED, PAYMENT_METHOD_UNAVAILABLE …' })
  async checkout(
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: CheckoutDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const answer = await this.placeAndPay(key, body);
    response.type('application/json');
    response.location(`/api/v1/orders/${answer.orderId}`);
    if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  /**
   * The checkout's transactions: the order is placed in one; a payment provider reached over the
   * network is asked only after that commits, and its answer is recorded in a second (or, if it
   * failed, the order is called off in one and the error answered).
   */
  private async placeAndPay(key: string | undefined, body: CheckoutDto): Promise<CheckoutAnswer> {
    const placed = await this.orm.em.transactional(() => this.checkoutFlow.place(key, body));
    if ('answer' in placed) return placed.answer;
    const { pending } = placed;
    let opened: ProviderStart;
    try {
      opened = await this.checkoutFlow.contact(pending);
    } catch (error) {
      await this.orm.em.transactional(() => this.checkoutFlow.abandon(pending, error));
      throw error;
    }
    return this.orm.em.transactional(() => this.checkoutFlow.finish(pending, opened));
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'The order as its customer sees it (status page)' })
  @ApiHeader(ORDER_TOKEN)
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async get(@Param('id', ParseUUIDPipe) id: string, @Headers('x-order-token') token: string | undefined): Promise<OrderResponse> {
    return this.views.customer(await this.orders.forCustomer(id, token));
  }

  @Post(':id/cancel')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the order; allowed until the store accepts it (a paid order is refunded)' })
  @ApiHeader(ORDER_TOKEN)
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_TRANSITION: the store already accepted it' })
  @Transactional()
  async cancel(@Param('id', ParseUUIDPipe) id: string, @Headers('x-order-token') token: string | undefined): Promise<OrderResponse> {
    const order = await this.orders.forCustomer(id, token);
    return this.views.customer(await this.orders.act(order.id, 'cancel', { kind: 'customer', id: null, name: order.customerName }, 'Cancelled by the customer'));
  }

  @Get(':id/pickup-pass')
  @Public()
  @ApiOperation({ summary: 'The pickup code and QR pass; ask for image/png or image/svg+xml to get the QR alone' })
  @ApiHeader(ORDER_TOKEN)
  @ApiProduces('application/json', 'image/png', 'image/svg+xml')
  @ApiOkResponse({ type: PickupPassResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  async pickupPass(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('x-order-token') token: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PickupPassResponse | StreamableFile | string> {
    const order = await this.orders.forCustomer(id, token);
    const qr = this.orders.signer.passToken(order.id, order.pickupCode);
    response.setHeader('Cache-Control', 'private, no-store');
    response.vary('Accept');
    switch (request.accepts(['application/json', 'image/png', 'image/svg+xml'])) {
      case 'image/png':
        return new StreamableFile(await qrPng(qr), { type: 'image/png' });
      case 'image/svg+xml':
        response.type('image/svg+xml');
        return qrSvg(qr);
      default:
        return { code: order.pickupCode, qr, qrSvg: await qrSvg(qr) };
    }
  }
}
