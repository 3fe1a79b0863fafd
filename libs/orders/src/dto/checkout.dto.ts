import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PAYMENT_METHODS, PaymentMethod } from '@kassa/payments';
import { ORDER_LOCALES, OrderLocale } from '../entities/order.entity';

export class CheckoutItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a product id' })
  productId!: string;

  @ApiProperty({ minimum: 1, maximum: 999, example: 2 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(999)
  quantity!: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Chosen modifier options (size, milk, extras)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true, message: 'must be modifier option ids' })
  modifierOptionIds?: string[];

  @ApiPropertyOptional({ maxLength: 200, example: 'Utan socker, tack' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CheckoutPickupDto {
  @ApiPropertyOptional({ example: '2026-11-23T12:15:00+01:00', description: 'A slot start exactly as the pickup-slots list gave it' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  slotStart?: string;

  @ApiPropertyOptional({ description: 'The earliest slot today that fits the order; instead of slotStart' })
  @IsOptional()
  @IsBoolean()
  asap?: boolean;
}

export class CheckoutCustomerDto {
  @ApiProperty({ example: 'Åsa Öberg', maxLength: 100 })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 'asa@example.se' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '070-123 45 67', description: 'Normalised to E.164; Swedish numbers may be written 07x…' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export class CheckoutPaymentDto {
  @ApiProperty({ enum: PAYMENT_METHODS, example: 'test' })
  @IsIn([...PAYMENT_METHODS], { message: `must be one of ${PAYMENT_METHODS.join(', ')}` })
  method!: PaymentMethod;

  @ApiPropertyOptional({
    example: '070-123 45 67',
    description: 'Swish only: the mobile number Swish asks to pay (e-commerce). Without it the answer carries a token to open the Swish app on this device.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  payerPhone?: string;
}

export class CheckoutDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a store id' })
  storeId!: string;

  @ApiProperty({ type: [CheckoutItemDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one item' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CheckoutItemDto)
  items!: CheckoutItemDto[];

  @ApiProperty({ type: CheckoutPickupDto, description: '{ slotStart } or { asap: true }' })
  @IsObject()
  @ValidateNested()
  @Type(() => CheckoutPickupDto)
  pickup!: CheckoutPickupDto;

  @ApiProperty({ type: CheckoutCustomerDto, description: 'A name and at least one of email and phone' })
  @IsObject()
  @ValidateNested()
  @Type(() => CheckoutCustomerDto)
  customer!: CheckoutCustomerDto;

  @ApiProperty({ type: CheckoutPaymentDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CheckoutPaymentDto)
  payment!: CheckoutPaymentDto;

  @ApiPropertyOptional({ enum: ORDER_LOCALES, default: 'sv', description: 'Language of the messages the customer gets' })
  @IsOptional()
  @IsIn([...ORDER_LOCALES])
  locale?: OrderLocale;
}

export class CancelOrderDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class HandOverDto {
  @ApiPropertyOptional({ example: 'K7TQ4A', description: 'The 6-character pickup code the customer shows' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string;

  @ApiPropertyOptional({ description: 'The scanned QR payload of the pickup pass' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  qr?: string;
}
