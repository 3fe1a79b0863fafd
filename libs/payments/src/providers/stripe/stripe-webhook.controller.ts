import { CanActivate, Controller, Headers, HttpCode, Injectable, Post, RawBodyRequest, Req, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { ErrorBody, Public } from '@kassa/shared';
import { PaymentsError } from '../../payments.errors';
import { StripeCardProvider, WebhookOutcome, WebhookReceipt } from './stripe-card.provider';

/** Without Stripe configured the route does not exist, whatever the request looks like. */
@Injectable()
export class StripeConfigured implements CanActivate {
  constructor(private readonly provider: StripeCardProvider) {}

  canActivate(): boolean {
    if (!this.provider.configured) throw PaymentsError.providerNotConfigured('card');
    return true;
  }
}

export class WebhookReceiptResponse implements WebhookReceipt {
  @ApiProperty({ enum: [true] }) received!: true;
  @ApiProperty({ enum: ['captured', 'failed', 'attempt_failed', 'late_success_refunded', 'ignored', 'duplicate'] }) outcome!: WebhookOutcome;
}

@ApiTags('payments: webhooks')
@UseGuards(StripeConfigured)
@Controller('payments/card')
export class StripeWebhookController {
  constructor(
    private readonly provider: StripeCardProvider,
    private readonly em: EntityManager,
  ) {}

  @Post('webhook')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stripe webhook (payment_intent.succeeded, .payment_failed, .canceled)',
    description: 'Verified with the Stripe-Signature header over the raw body (HMAC-SHA256, 300 s tolerance); each event id acts once.',
  })
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiOkResponse({ type: WebhookReceiptResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'PAYMENT_WEBHOOK_INVALID: missing or wrong signature, stale timestamp, not an event' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'PAYMENT_PROVIDER_NOT_CONFIGURED' })
  @ApiConflictResponse({ type: ErrorBody, description: 'The order refused the payment (e.g. expired); Stripe retries and the payment is refunded once cancelled' })
  async webhook(@Req() request: RawBodyRequest<Request>, @Headers('stripe-signature') signature: string | undefined): Promise<WebhookReceiptResponse> {
    // Verify and call Stripe (late refunds) before the transaction, so no row is locked across the network.
    const webhook = await this.provider.receive(request.rawBody, signature);
    return this.em.transactional(() => this.provider.settle(webhook));
  }
}
