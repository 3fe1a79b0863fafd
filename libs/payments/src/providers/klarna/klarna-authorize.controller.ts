import { Body, CanActivate, Controller, HttpCode, Injectable, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { IsString, Length, Matches } from 'class-validator';
import { ErrorBody, Public } from '@kassa/shared';
import { PaymentResponse } from '../../dto/payment.response';
import { PaymentsError } from '../../payments.errors';
import { KlarnaProvider } from './klarna.provider';

/** Without Klarna configured the route does not exist, whatever the request looks like. */
@Injectable()
export class KlarnaConfigured implements CanActivate {
  constructor(private readonly provider: KlarnaProvider) {}

  canActivate(): boolean {
    if (!this.provider.configured) throw PaymentsError.providerNotConfigured('klarna');
    return true;
  }
}

export class KlarnaAuthorizeDto {
  @ApiProperty({ description: 'What Klarna’s widget returned from authorize()', example: 'b4bd3423-24e3-4d5a-a6b4-3f1a4ac7b13e' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be the token Klarna returned' })
  authorizationToken!: string;
}

@ApiTags('payments: klarna')
@UseGuards(KlarnaConfigured)
@Controller('payments/klarna')
export class KlarnaAuthorizeController {
  constructor(
    private readonly provider: KlarnaProvider,
    private readonly em: EntityManager,
  ) {}

  @Post(':paymentId/authorize')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand over the Klarna authorization token: the payment becomes authorized (captured later)' })
  @ApiOkResponse({ type: PaymentResponse, description: 'Authorized (or failed when Klarna rejected it); repeating answers the same' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'PAYMENT_NOT_FOUND, or PAYMENT_PROVIDER_NOT_CONFIGURED' })
  @ApiConflictResponse({ type: ErrorBody, description: 'PAYMENT_NOT_PENDING: cancelled, failed or expired meanwhile' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'The token is not one Klarna could have returned' })
  async authorize(@Param('paymentId', ParseUUIDPipe) paymentId: string, @Body() body: KlarnaAuthorizeDto): Promise<PaymentResponse> {
    // Klarna is asked before the transaction, so no row is locked across the network.
    const authorization = await this.provider.requestOrder(paymentId, body.authorizationToken);
    try {
      return await this.em.transactional(() => this.provider.settleAuthorization(authorization));
    } catch (error) {
      await this.provider.abandonOrder(authorization);
      throw error;
    }
  }
}
