import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const MAX_AMOUNT = 2_147_483_647;

export class RefundLineDto {
  @ApiProperty({ format: 'uuid', description: 'The order line’s id (`lines[].id` of the order)' })
  @IsUUID()
  lineId!: string;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;
}

export class RefundOrderDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Minor units (öre). Left out: everything still refundable, or the lines’ worth', example: 2500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT)
  amount?: number;

  @ApiPropertyOptional({ type: [RefundLineDto], description: 'Refund these lines (unit prices with options); required for a partial Klarna refund' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  lines?: RefundLineDto[];

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Fel dryck' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ default: false, description: 'Put the refunded lines back on the shelf (a `return` stock movement)' })
  @IsOptional()
  @IsBoolean()
  restock?: boolean;
}

export class RefundedLineResponse {
  @ApiProperty({ format: 'uuid' }) lineId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
}

export class OrderRefundResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ example: 'SEK' }) currency!: string;
  @ApiProperty({ type: [RefundedLineResponse] }) lines!: RefundedLineResponse[];
  @ApiProperty() reason!: string;
  @ApiProperty() restocked!: boolean;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty() createdAt!: string;
}

export class PaymentEventResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'refunded' }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ nullable: true, type: String }) providerReference!: string | null;
  @ApiProperty({ example: 'staff:…', description: '`system`, `customer`, `staff:<userId>` or `provider:<method>`' }) actor!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() at!: string;
}

export class PaymentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'card' }) method!: string;
  @ApiProperty({ example: 'partially_refunded' }) status!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ description: 'Minor units given back so far' }) refundedAmount!: number;
  @ApiProperty({ example: 'SEK' }) currency!: string;
}

export class PaymentHistoryResponse extends PaymentSummaryResponse {
  @ApiProperty({ nullable: true, type: String }) providerReference!: string | null;
  @ApiProperty({ description: 'Minor units still refundable' }) refundable!: number;
  @ApiProperty({ type: [PaymentEventResponse] }) events!: PaymentEventResponse[];
}

export class OrderPaymentsResponse {
  @ApiProperty({ type: [PaymentHistoryResponse] }) payments!: PaymentHistoryResponse[];
  @ApiProperty({ type: [OrderRefundResponse] }) refunds!: OrderRefundResponse[];
}

export class RefundResultResponse {
  @ApiProperty({ type: OrderRefundResponse }) refund!: OrderRefundResponse;
  @ApiProperty({ type: PaymentSummaryResponse }) payment!: PaymentSummaryResponse;
  @ApiProperty({ example: 'cancelled', description: 'The order’s status after the refund' }) orderStatus!: string;
}
