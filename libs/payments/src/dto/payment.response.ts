import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAYMENT_METHODS,
  PAYMENT_NEXT_ACTION_TYPES,
  PAYMENT_STATUSES,
  PaymentMethod,
  PaymentNextAction,
  PaymentNextActionType,
  PaymentStatus,
  PaymentSummary,
} from '../payments.types';

export class PaymentNextActionResponse implements PaymentNextAction {
  @ApiProperty({ enum: PAYMENT_NEXT_ACTION_TYPES, description: 'What the customer does next to pay' })
  type!: PaymentNextActionType;

  @ApiPropertyOptional({ example: '/api/v1/payments/test/6f1c2d3e-0000-4000-8000-000000000001/approve' })
  approveUrl?: string;

  @ApiPropertyOptional({ example: '/api/v1/payments/test/6f1c2d3e-0000-4000-8000-000000000001/decline' })
  declineUrl?: string;

  @ApiPropertyOptional({ description: 'stripe_payment: the PaymentIntent client secret for Stripe.js (the customer’s browser only)' })
  clientSecret?: string;

  @ApiPropertyOptional({ example: 'pk_test_…', description: 'stripe_payment: the publishable key to load Stripe.js with' })
  publishableKey?: string;

  @ApiPropertyOptional({ description: 'swish_app: the payment request token; open swish://paymentrequest?token=…&callbackurl=…' })
  token?: string;

  @ApiPropertyOptional({ description: 'klarna_widget: the client token to load Klarna’s widget with' })
  clientToken?: string;

  @ApiPropertyOptional({ description: 'klarna_widget: Klarna’s payment session id' })
  sessionId?: string;

  @ApiPropertyOptional({ example: '/api/v1/payments/klarna/6f1c2d3e-0000-4000-8000-000000000001/authorize', description: 'klarna_widget: where to POST the authorization token' })
  authorizeUrl?: string;
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
