import { CanActivate, Controller, HttpCode, Inject, Injectable, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { ErrorBody, Public } from '@kassa/shared';
import { PaymentResponse } from './dto/payment.response';
import { PaymentsError } from './payments.errors';
import { PAYMENTS_OPTIONS, PaymentsOptions } from './payments.options';
import { TestPaymentProvider } from './providers/test.provider';

/** With test payments off the routes do not exist, whatever the request looks like. */
@Injectable()
export class TestPaymentsEnabled implements CanActivate {
  constructor(@Inject(PAYMENTS_OPTIONS) private readonly options: PaymentsOptions) {}

  canActivate(): boolean {
    if (!this.options.testPayments) throw PaymentsError.testPaymentsDisabled();
    return true;
  }
}

@ApiTags('payments: test provider')
@ApiNotFoundResponse({ type: ErrorBody, description: 'PAYMENT_NOT_FOUND, or TEST_PAYMENTS_DISABLED on this server' })
@ApiConflictResponse({ type: ErrorBody, description: 'PAYMENT_NOT_PENDING: already settled the other way, cancelled or refunded' })
@UseGuards(TestPaymentsEnabled)
@Controller('payments/test')
export class TestPaymentsController {
  constructor(private readonly provider: TestPaymentProvider) {}

  @Post(':paymentId/approve')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a test payment, as the customer would at a provider’s page' })
  @ApiOkResponse({ type: PaymentResponse, description: 'Captured; approving again answers the same' })
  @Transactional()
  async approve(@Param('paymentId', ParseUUIDPipe) paymentId: string): Promise<PaymentResponse> {
    return this.provider.approve(paymentId);
  }

  @Post(':paymentId/decline')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a test payment, as the customer would at a provider’s page' })
  @ApiOkResponse({ type: PaymentResponse, description: 'Failed; declining again answers the same' })
  @Transactional()
  async decline(@Param('paymentId', ParseUUIDPipe) paymentId: string): Promise<PaymentResponse> {
    return this.provider.decline(paymentId);
  }
}
