import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ProductOverride } from '../entities/product-override.entity';
import { IsCalendarDate } from './validators';

class OverrideSettingsDto {
  @ApiPropertyOptional({ example: 5200, nullable: true, type: Number, description: 'Minor units; null sells at the base price' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  price?: number | null;

  @ApiPropertyOptional({ default: true, description: 'False turns the product off at this store' })
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({ default: true, description: 'False: the store does not sell the product at all' })
  @IsOptional()
  @IsBoolean()
  listed?: boolean;

  @ApiPropertyOptional({ example: '2026-11-23', nullable: true, type: String, description: 'Sold out on this store-local date' })
  @IsOptional()
  @IsCalendarDate()
  soldOutDate?: string | null;

}

export class UpdateProductOverrideDto extends OverrideSettingsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Ignored; accepted so a client may send the record back' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cannot change; must match when sent' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a store id' })
  storeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Cannot change; must match when sent' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string;
}

export class CreateProductOverrideDto extends OverrideSettingsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a store id' })
  storeId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a product id' })
  productId!: string;
}

export class SoldOutDto {
  @ApiProperty({ description: 'True marks the product sold out for the rest of the store’s day; false sells it again' })
  @IsBoolean()
  soldOut!: boolean;
}

export class ProductOverrideResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ nullable: true, type: Number }) price!: number | null;
  @ApiProperty() available!: boolean;
  @ApiProperty() listed!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-23' }) soldOutDate!: string | null;

  static of(o: ProductOverride): ProductOverrideResponse {
    return { id: o.id, storeId: o.storeId, productId: o.productId, price: o.price, available: o.available, listed: o.listed, soldOutDate: o.soldOutDate };
  }
}
