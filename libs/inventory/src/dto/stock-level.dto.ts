import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsInt, IsOptional, Max, Min } from 'class-validator';
import { STOCK_UNITS, StockUnit } from '../inventory.types';
import { MAX_MOVEMENT_QUANTITY } from '../stock-rules';

/** Thresholds only; the record's other fields may be sent back as they are and are ignored. */
export class UpdateStockLevelDto {
  @ApiPropertyOptional({ minimum: 0, example: 5, description: 'At or below this availability the item is low; 0 turns it off' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(MAX_MOVEMENT_QUANTITY)
  lowStockThreshold?: number;

  @ApiPropertyOptional({ minimum: 0, example: 20, description: 'What a reorder brings availability up to' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(MAX_MOVEMENT_QUANTITY)
  parLevel?: number;

  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() storeId?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() stockItemId?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() sku?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() name?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() unit?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored: record a movement instead' }) @Allow() onHand?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() reserved?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() available?: unknown;
  @ApiPropertyOptional({ readOnly: true, description: 'Ignored' }) @Allow() low?: unknown;
}

export class StockLevelResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) stockItemId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STOCK_UNITS }) unit!: StockUnit;
  @ApiProperty() onHand!: number;
  @ApiProperty({ description: 'Kept by unpaid orders (expired holds not counted)' }) reserved!: number;
  @ApiProperty({ description: 'onHand − reserved' }) available!: number;
  @ApiProperty() lowStockThreshold!: number;
  @ApiProperty() parLevel!: number;
  @ApiProperty({ description: 'available ≤ lowStockThreshold (and the threshold is on)' }) low!: boolean;
}

export class ReorderSuggestionResponse {
  @ApiProperty({ format: 'uuid', description: 'The stock level id' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) stockItemId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STOCK_UNITS }) unit!: StockUnit;
  @ApiProperty() available!: number;
  @ApiProperty() lowStockThreshold!: number;
  @ApiProperty() parLevel!: number;
  @ApiProperty({ description: 'parLevel − available, at least 0' }) suggestedQuantity!: number;
}
