import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PaymentsService } from '@kassa/payments';
import { ErrorBody, Public } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { PaymentMethodsResponse } from './dto/payment-methods.response';

// Lives in orders rather than payments: payments asks no other lib, and the storefront needs the
// store checked (STORE_NOT_FOUND) before it is told what the checkout will accept.
@ApiTags('storefront: orders')
@Controller('stores/:storeId/payment-methods')
export class StorefrontPaymentMethodsController {
  constructor(
    private readonly stores: StoresService,
    private readonly payments: PaymentsService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The payment methods a checkout at this store accepts now (`payment.method` of POST /orders)' })
  @ApiOkResponse({ type: PaymentMethodsResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'STORE_NOT_FOUND' })
  async list(@Param('storeId', ParseUUIDPipe) storeId: string): Promise<PaymentMethodsResponse> {
    await this.stores.getPublic(storeId);
    return { methods: await this.payments.methodsFor(storeId) };
  }
}
