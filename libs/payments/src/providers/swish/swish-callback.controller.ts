import { Body, CanActivate, Controller, HttpCode, Injectable, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { ErrorBody, Public } from '@kassa/shared';
import { PaymentsError } from '../../payments.errors';
import { SwishCallbackOutcome, SwishProvider } from './swish.provider';

/** Without Swish configured the route does not exist, whatever the request looks like. */
@Injectable()
export class SwishConfigured implements CanActivate {
  constructor(private readonly provider: SwishProvider) {}

  canActivate(): boolean {
    if (!this.provider.configured) throw PaymentsError.providerNotConfigured('swish');
    return true;
  }
}

export class SwishCallbackReceipt {
  @ApiProperty({ enum: [true] }) received!: true;
  @ApiProperty({ enum: ['captured', 'failed', 'late_success_refunded', 'ignored', 'duplicate'] }) outcome!: SwishCallbackOutcome;
}

@ApiTags('payments: webhooks')
@UseGuards(SwishConfigured)
@Controller('payments/swish')
export class SwishCallbackController {
  constructor(
    private readonly provider: SwishProvider,
    private readonly em: EntityManager,
  ) {}

  @Post('callback')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Swish callback (payment request status changed)',
    description: 'Unsigned by Swish, so only a hint: Kassa re-reads the payment request from Swish over mutual TLS and settles on that answer.',
  })
  @ApiBody({ schema: { type: 'object', properties: { id: { type: 'string', example: 'AB23D7406ECE4542A80152D909EF9F6B' }, status: { type: 'string' } } } })
  @ApiOkResponse({ type: SwishCallbackReceipt })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'PAYMENT_WEBHOOK_INVALID: no payment request id' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'PAYMENT_PROVIDER_NOT_CONFIGURED' })
  async callback(@Body() body: unknown): Promise<SwishCallbackReceipt> {
    // Ask Swish first, outside any transaction, so no row is locked across the network.
    const callback = await this.provider.receive(body);
    return this.em.transactional(() => this.provider.settle(callback));
  }
}
