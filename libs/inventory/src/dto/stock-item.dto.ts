import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { STOCK_UNITS, StockUnit } from '../inventory.types';
import { StockItem } from '../stock-item.entity';

const SKU = /^\S(.*\S)?$/;

export class CreateStockItemDto {
  @ApiProperty({ example: 'KAFFE-1KG', description: 'Unique within the organisation' })
  @IsString()
  @Length(1, 100)
  @Matches(SKU, { message: 'must not start or end with spaces' })
  sku!: string;

  @ApiProperty({ example: 'Kaffebönor' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: STOCK_UNITS, example: 'g' })
  @IsIn([...STOCK_UNITS], { message: `must be one of ${STOCK_UNITS.join(', ')}` })
  unit!: StockUnit;

  @ApiPropertyOptional({ default: false, description: 'Allow reservations to take availability below zero' })
  @IsOptional()
  @IsBoolean()
  allowBackorder?: boolean;
}

/** Every field optional; the record's read-only fields may be sent back as they are and are ignored. */
export class UpdateStockItemDto {
  @ApiPropertyOptional({ example: 'KAFFE-1KG' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(SKU, { message: 'must not start or end with spaces' })
  sku?: string;

  @ApiPropertyOptional({ example: 'Kaffebönor' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: STOCK_UNITS })
  @IsOptional()
  @IsIn([...STOCK_UNITS], { message: `must be one of ${STOCK_UNITS.join(', ')}` })
  unit?: StockUnit;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowBackorder?: boolean;

  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored: set through the product’s stock settings' }) @Allow() productId?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() createdAt?: unknown;
}

export class StockItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'KAFFE-1KG' }) sku!: string;
  @ApiProperty({ example: 'Kaffebönor' }) name!: string;
  @ApiProperty({ enum: STOCK_UNITS }) unit!: StockUnit;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Set when this is a product’s own stock' })
  productId!: string | null;
  @ApiProperty() allowBackorder!: boolean;
  @ApiProperty() createdAt!: Date;

  static of(item: StockItem): StockItemResponse {
    const { id, sku, name, unit, productId, allowBackorder, createdAt } = item;
    return { id, sku, name, unit, productId, allowBackorder, createdAt };
  }
}
