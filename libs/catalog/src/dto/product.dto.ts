import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { StockTracking } from '@kassa/inventory';
import { Product } from '../entities/product.entity';
import { SALES_CHANNELS, SalesChannel } from '../rules/pricing';
import { basisPointsToPercent } from '../rules/vat-rates';
import { IsBarcode } from './validators';

const STOCK_MODES = ['untracked', 'tracked', 'recipe'] as const;

export class RecipeIngredientDto {
  @ApiProperty({ format: 'uuid', description: 'A stock item of inventory (an ingredient)' })
  @IsUUID('all', { message: 'must be a stock item id' })
  stockItemId!: string;

  @ApiProperty({ example: 18, description: "Whole units of the stock item's unit (pcs, g, ml) per unit sold" })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;
}

/** How inventory counts a product: not at all, its own stock, or the ingredients of a recipe. */
export class StockTrackingDto {
  @ApiProperty({ enum: STOCK_MODES })
  @IsIn([...STOCK_MODES], { message: `must be one of ${STOCK_MODES.join(', ')}` })
  mode!: StockTracking['mode'];

  @ApiPropertyOptional({ description: 'Tracked products only: sell below zero', default: false })
  @IsOptional()
  @IsBoolean()
  allowBackorder?: boolean;

  @ApiPropertyOptional({ type: [RecipeIngredientDto], description: 'Recipe products only: what one unit consumes' })
  @ValidateIf((o: StockTrackingDto) => o.mode === 'recipe' || o.ingredients !== undefined)
  @IsArray()
  @ArrayMinSize(1, { message: 'a recipe needs at least one ingredient' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RecipeIngredientDto)
  ingredients?: RecipeIngredientDto[];
}

export function toStockTracking(dto: StockTrackingDto): StockTracking {
  switch (dto.mode) {
    case 'tracked':
      return { mode: 'tracked', allowBackorder: dto.allowBackorder ?? false };
    case 'recipe':
      return { mode: 'recipe', ingredients: (dto.ingredients ?? []).map((i) => ({ stockItemId: i.stockItemId, quantity: i.quantity })) };
    default:
      return { mode: 'untracked' };
  }
}

export class CreateProductDto {
  @ApiProperty({ example: 'KAFFE-LATTE', description: 'Unique in the organisation' })
  @IsString()
  @Length(1, 64)
  @Matches(/^\S(.*\S)?$/, { message: 'must not start or end with spaces' })
  sku!: string;

  @ApiProperty({ example: 'Caffè latte' })
  @IsString()
  @Length(1, 200)
  nameSv!: string;

  @ApiPropertyOptional({ example: 'Caffè latte', description: 'The Swedish name when left out' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiPropertyOptional({ example: 'Dubbel espresso med ångad mjölk' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  descriptionSv?: string;

  @ApiPropertyOptional({ example: 'Double espresso with steamed milk' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  descriptionEn?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'must be a category id' })
  categoryId?: string | null;

  @ApiPropertyOptional({ example: 'https://example.com/latte.jpg', nullable: true, type: String })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  imageUrl?: string | null;

  @ApiProperty({ example: 4900, description: "Minor units (öre) in the organisation's currency, VAT included" })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  price!: number;

  @ApiProperty({ example: 12, description: 'Percent; one of the organisation’s rates (25, 12, 6, 0 in Sweden)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  vatRate!: number;

  @ApiPropertyOptional({ example: '7310865004703', nullable: true, type: String, description: 'EAN-13, EAN-8 or UPC-A; check digit validated' })
  @IsOptional()
  @IsBarcode()
  barcode?: string | null;

  @ApiPropertyOptional({ example: 3, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  prepMinutes?: number;

  @ApiPropertyOptional({ example: 1, nullable: true, type: Number, description: 'Added for each unit after the first' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  prepMinutesPerExtraUnit?: number | null;

  @ApiPropertyOptional({ enum: SALES_CHANNELS, isArray: true, default: SALES_CHANNELS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one channel' })
  @ArrayUnique()
  @IsIn([...SALES_CHANNELS], { each: true, message: 'must be online or pos' })
  channels?: SalesChannel[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Modifier groups in the order they are asked' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'must not name a group twice' })
  @IsUUID('all', { each: true, message: 'must be modifier group ids' })
  modifierGroupIds?: string[];

  @ApiPropertyOptional({ type: StockTrackingDto, description: 'Passed to inventory; untracked when left out' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StockTrackingDto)
  stock?: StockTrackingDto;
}

export class UpdateProductDto extends CreateProductDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Ignored; accepted so a client may send the record back' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiPropertyOptional({ example: 'SEK', description: 'Ignored; the organisation’s currency' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  currency?: string;
}

export class StockTrackingResponse {
  @ApiProperty({ enum: STOCK_MODES }) mode!: StockTracking['mode'];
  @ApiPropertyOptional() allowBackorder?: boolean;
  @ApiPropertyOptional({ type: [RecipeIngredientDto] }) ingredients?: RecipeIngredientDto[];
}

export class ProductResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() descriptionSv!: string;
  @ApiProperty() descriptionEn!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) categoryId!: string | null;
  @ApiProperty({ nullable: true, type: String }) imageUrl!: string | null;
  @ApiProperty({ description: 'Minor units, VAT included' }) price!: number;
  @ApiProperty({ example: 'SEK' }) currency!: string;
  @ApiProperty({ description: 'Percent' }) vatRate!: number;
  @ApiProperty({ nullable: true, type: String }) barcode!: string | null;
  @ApiProperty() prepMinutes!: number;
  @ApiProperty({ nullable: true, type: Number }) prepMinutesPerExtraUnit!: number | null;
  @ApiProperty({ enum: SALES_CHANNELS, isArray: true }) channels!: SalesChannel[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) modifierGroupIds!: string[];
  @ApiProperty({ type: StockTrackingResponse }) stock!: StockTracking;

  static of(product: Product, currency: string, stock: StockTracking): ProductResponse {
    return {
      id: product.id,
      sku: product.sku,
      nameSv: product.nameSv,
      nameEn: product.nameEn,
      descriptionSv: product.descriptionSv,
      descriptionEn: product.descriptionEn,
      categoryId: product.categoryId,
      imageUrl: product.imageUrl,
      price: product.price,
      currency,
      vatRate: basisPointsToPercent(product.vatRate),
      barcode: product.barcode,
      prepMinutes: product.prepMinutes,
      prepMinutesPerExtraUnit: product.prepMinutesPerExtraUnit,
      channels: [...product.channels],
      active: product.active,
      modifierGroupIds: [...product.modifierGroupIds],
      stock,
    };
  }
}
