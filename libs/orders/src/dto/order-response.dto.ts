import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_NEXT_ACTION_TYPES } from '@kassa/payments';
import { ORDER_ACTIONS, ORDER_STATUSES, OrderAction, OrderStatus } from '../rules/order-state-machine';

export class OrderLineModifierResponse {
  @ApiProperty({ format: 'uuid' }) optionId!: string;
  @ApiProperty({ example: 'Havremjölk' }) nameSv!: string;
  @ApiProperty({ example: 'Oat milk' }) nameEn!: string;
  @ApiProperty({ description: 'Minor units, VAT included', example: 500 }) priceDelta!: number;
}

export class OrderLineResponse {
  @ApiProperty({ format: 'uuid', description: 'The line’s id (to refund it)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty({ example: 'Caffè latte' }) nameSv!: string;
  @ApiProperty({ example: 'Caffè latte' }) nameEn!: string;
  @ApiProperty({ example: 2 }) quantity!: number;
  @ApiProperty({ description: 'Minor units, VAT included, options included', example: 5400 }) unitPrice!: number;
  @ApiProperty({ example: 10800 }) lineTotal!: number;
  @ApiProperty({ description: 'Percent', example: 12 }) vatRate!: number;
  @ApiProperty({ type: [OrderLineModifierResponse] }) modifiers!: OrderLineModifierResponse[];
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class VatRowResponse {
  @ApiProperty({ description: 'Percent', example: 12 }) rate!: number;
  @ApiProperty({ description: 'Net amount, minor units' }) base!: number;
  @ApiProperty({ description: 'VAT, minor units' }) amount!: number;
}

export class OrderTotalsResponse {
  @ApiProperty() subtotal!: number;
  @ApiProperty() discount!: number;
  @ApiProperty({ type: [VatRowResponse] }) vat!: VatRowResponse[];
  @ApiProperty() total!: number;
}

export class PickupWindowResponse {
  @ApiProperty({ example: '2026-11-23T12:15:00+01:00' }) start!: string;
  @ApiProperty({ example: '2026-11-23T12:30:00+01:00' }) end!: string;
  @ApiProperty() asap!: boolean;
}

/** What the customer does next to pay; which fields come depends on `type`. */
export class NextActionResponse {
  @ApiProperty({ enum: PAYMENT_NEXT_ACTION_TYPES }) type!: string;
  @ApiPropertyOptional({ description: 'test_approval: POST here to approve the test payment' }) approveUrl?: string;
  @ApiPropertyOptional({ description: 'test_approval: POST here to decline it' }) declineUrl?: string;
  @ApiPropertyOptional({ description: 'stripe_payment: confirm with Stripe.js (Payment Element)' }) clientSecret?: string;
  @ApiPropertyOptional({ description: 'stripe_payment: the key Stripe.js is loaded with' }) publishableKey?: string;
  @ApiPropertyOptional({ description: 'swish_app: open swish://paymentrequest?token=… on the phone, or show it as a QR code (D + token)' }) token?: string;
  @ApiPropertyOptional({ description: "klarna_widget: initialise Klarna's library with it" }) clientToken?: string;
  @ApiPropertyOptional({ description: 'klarna_widget: the Klarna Payments session' }) sessionId?: string;
  @ApiPropertyOptional({ description: 'klarna_widget: POST { authorizationToken } here once Klarna authorised' }) authorizeUrl?: string;
}

export class OrderPaymentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'test' }) method!: string;
  @ApiProperty({ example: 'pending' }) status!: string;
  @ApiProperty({ type: NextActionResponse, nullable: true }) nextAction!: NextActionResponse | null;
}

export class OrderCustomerResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '+46701234567' }) phone!: string | null;
}

/** What the customer sees: the checkout's answer and the order status page. */
export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Send as X-Order-Token to read or cancel the order' }) token!: string;
  @ApiProperty({ example: 'A-042' }) number!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ type: PickupWindowResponse }) pickup!: PickupWindowResponse;
  @ApiProperty({ type: OrderCustomerResponse }) customer!: OrderCustomerResponse;
  @ApiProperty({ type: [OrderLineResponse] }) lines!: OrderLineResponse[];
  @ApiProperty({ type: OrderTotalsResponse }) totals!: OrderTotalsResponse;
  @ApiProperty({ example: 'SEK' }) currency!: string;
  @ApiProperty({ type: OrderPaymentResponse, nullable: true }) payment!: OrderPaymentResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'When an unpaid order gives its slot and stock back' }) holdExpiresAt!: string | null;
  @ApiProperty({ enum: ['sv', 'en'] }) locale!: string;
  @ApiProperty({ description: 'Whether the customer may still cancel' }) cancellable!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PickupPassResponse {
  @ApiProperty({ example: 'K7TQ4A', description: 'Shown large on the phone; staff type it at hand-over' }) code!: string;
  @ApiProperty({ description: 'The QR payload: a signed token for this order' }) qr!: string;
  @ApiProperty({ description: 'The QR code as an SVG document' }) qrSvg!: string;
}

export class OrderSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ example: 'A-042' }) number!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiProperty({ description: 'The store’s local date the order was placed' }) businessDate!: string;
  @ApiProperty({ type: PickupWindowResponse }) pickup!: PickupWindowResponse;
  @ApiProperty({ type: OrderCustomerResponse }) customer!: OrderCustomerResponse;
  @ApiProperty() total!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() itemCount!: number;
  @ApiProperty() paymentMethod!: string;
  @ApiProperty({ nullable: true, type: String }) paymentStatus!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) holdExpiresAt!: string | null;
}

export class TimelineActorResponse {
  @ApiProperty({ enum: ['customer', 'staff', 'station', 'system'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class TimelineEntryResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ORDER_STATUSES, nullable: true }) from!: OrderStatus | null;
  @ApiProperty({ enum: ORDER_STATUSES }) to!: OrderStatus;
  @ApiProperty({ type: TimelineActorResponse }) actor!: TimelineActorResponse;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
}

export class OrderDetailResponse extends OrderSummaryResponse {
  @ApiProperty({ type: [OrderLineResponse] }) lines!: OrderLineResponse[];
  @ApiProperty({ type: OrderTotalsResponse }) totals!: OrderTotalsResponse;
  @ApiProperty({ type: OrderPaymentResponse, nullable: true }) payment!: OrderPaymentResponse | null;
  @ApiProperty({ type: [TimelineEntryResponse] }) timeline!: TimelineEntryResponse[];
  @ApiProperty() pickupCodeFailures!: number;
  @ApiProperty({ enum: ORDER_ACTIONS, isArray: true, description: 'What the signed-in user may do now' }) allowedActions!: OrderAction[];
  @ApiProperty() locale!: string;
}
