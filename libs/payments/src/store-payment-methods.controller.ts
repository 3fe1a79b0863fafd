import { Body, Controller, Get, Param, ParseUUIDPipe, Put, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { CommonError, ErrorBody, Staff } from '@kassa/shared';
import { PaymentsStoreInScope } from './payments-store-in-scope.guard';
import { PAYMENT_METHODS, PaymentMethod } from './payments.types';
import { offeredOf, PaymentProviders } from './providers/payment-providers';
import { StorePaymentMethods } from './store-payment-methods.entity';

export class ChoosePaymentMethodsDto {
  @ApiProperty({ enum: PAYMENT_METHODS, isArray: true, example: ['swish', 'card', 'in_store'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one method: a store without one cannot take orders' })
  @ArrayMaxSize(PAYMENT_METHODS.length)
  @IsIn([...PAYMENT_METHODS], { each: true, message: `each must be one of ${PAYMENT_METHODS.join(', ')}` })
  methods!: PaymentMethod[];
}

export class StorePaymentMethodsResponse {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ enum: PAYMENT_METHODS, isArray: true, description: 'Methods this server has a provider configured for' }) available!: PaymentMethod[];
  @ApiProperty({ enum: PAYMENT_METHODS, isArray: true, description: 'Methods the store offers its customers' }) enabled!: PaymentMethod[];
  @ApiProperty({ description: 'False while the store offers everything configured (it has not chosen)' }) chosen!: boolean;
}

/** Which of the server's payment methods a store offers: the store's own choice, per store. */
@ApiTags('admin: payments')
@ApiNotFoundResponse({ type: ErrorBody, description: 'STORE_NOT_FOUND, or a store outside the caller’s stores' })
@UseGuards(PaymentsStoreInScope)
@Controller('admin/stores/:storeId/payment-methods')
export class StorePaymentMethodsController {
  constructor(
    private readonly providers: PaymentProviders,
    private readonly em: EntityManager,
  ) {}

  @Get()
  @Staff()
  @ApiOperation({ summary: 'The payment methods this server could offer at the store, and those it does' })
  @ApiOkResponse({ type: StorePaymentMethodsResponse })
  async get(@Param('storeId', ParseUUIDPipe) storeId: string): Promise<StorePaymentMethodsResponse> {
    return this.view(storeId);
  }

  @Put()
  @Staff('owner', 'manager')
  @ApiOperation({ summary: 'Choose the methods the store offers, among those configured here (400 naming methods.<i> otherwise)' })
  @ApiOkResponse({ type: StorePaymentMethodsResponse })
  @Transactional()
  async choose(@Param('storeId', ParseUUIDPipe) storeId: string, @Body() body: ChoosePaymentMethodsDto): Promise<StorePaymentMethodsResponse> {
    const available = await this.providers.configuredAt(storeId);
    const problems = body.methods.flatMap((method, index) => {
      if (body.methods.indexOf(method) !== index) return [{ field: `methods.${index}`, reason: `${method} is listed twice` }];
      if (!available.includes(method)) return [{ field: `methods.${index}`, reason: `${method} has no provider configured on this server` }];
      return [];
    });
    if (problems.length > 0) throw CommonError.validation(problems);
    const row = (await this.em.findOne(StorePaymentMethods, { storeId }, { filters: false })) ?? this.em.create(StorePaymentMethods, { storeId, methods: [], updatedAt: new Date() });
    row.methods = PAYMENT_METHODS.filter((method) => body.methods.includes(method));
    row.updatedAt = new Date();
    await this.em.flush();
    return this.view(storeId);
  }

  private async view(storeId: string): Promise<StorePaymentMethodsResponse> {
    const available = await this.providers.configuredAt(storeId);
    const chosen = await this.providers.chosenAt(storeId);
    return { storeId, available, enabled: offeredOf(available, chosen), chosen: chosen !== null };
  }
}
