import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_METHODS, PAYMENT_STATUSES, PaymentMethod, PaymentNextAction, PaymentStatus, PaymentSummary } from '../payments.types';

export class PaymentNextActionResponse implements PaymentNextAction {
  @ApiProperty({ enum: ['test_approval', 'pay_in_store'], description: 'What the customer does next to pay' })
  type!: 'test_approval' | 'pay_in_store';

  @ApiPropertyOptional({ example: '/api/v1/payments/test/6f1c2d3e-0000-4000-8000-000000000001/approve' })
  approveUrl?: string;

  @ApiPropertyOptional({ example: '/api/v1/payments/test/6f1c2d3e-0000-4000-8000-000000000001/decline' })
  declineUrl?: string;
}

export class PaymentResponse implements PaymentSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ enum: PAYMENT_METHODS }) method!: PaymentMethod;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status!: PaymentStatus;
  @ApiProperty({ example: 12900, description: 'Minor units (öre)' }) amount!: number;
  @ApiProperty({ example: 'SEK' }) currency!: string;
  @ApiProperty({ example: 0, description: 'Minor units given back so far' }) refundedAmount!: number;
  @ApiPropertyOptional({ type: PaymentNextActionResponse, nullable: true, description: 'Null once nothing is left to do' })
  nextAction!: PaymentNextActionResponse | null;
}
