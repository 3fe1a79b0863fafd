import { ApiProperty } from '@nestjs/swagger';
import { PAYMENT_METHODS, PaymentMethod } from '@kassa/payments';

export class PaymentMethodsResponse {
  @ApiProperty({ enum: PAYMENT_METHODS, isArray: true, example: ['test', 'in_store'], description: 'What a checkout at this store may pay with, in display order' })
  methods!: PaymentMethod[];
}
