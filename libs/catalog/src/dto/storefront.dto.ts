import { ApiProperty } from '@nestjs/swagger';

export class StorefrontOptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ description: 'Minor units added to the unit price; may be negative' }) priceDelta!: number;
}

export class StorefrontModifierGroupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() minSelections!: number;
  @ApiProperty() maxSelections!: number;
  @ApiProperty({ type: [StorefrontOptionResponse] }) options!: StorefrontOptionResponse[];
}

export class StorefrontProductResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() descriptionSv!: string;
  @ApiProperty() descriptionEn!: string;
  @ApiProperty({ nullable: true, type: String }) imageUrl!: string | null;
  @ApiProperty({ description: 'This store’s price in minor units, VAT included, before options' }) price!: number;
  @ApiProperty({ description: 'Percent', example: 12 }) vatRate!: number;
  @ApiProperty() prepMinutes!: number;
  @ApiProperty({ nullable: true, type: Number }) prepMinutesPerExtraUnit!: number | null;
  @ApiProperty({ nullable: true, type: String }) barcode!: string | null;
  @ApiProperty({ description: 'False when the store has turned the product off' }) available!: boolean;
  @ApiProperty({ description: 'Marked sold out for today, or out of stock' }) soldOut!: boolean;
  @ApiProperty({ type: [StorefrontModifierGroupResponse] }) modifierGroups!: StorefrontModifierGroupResponse[];
}

export class StorefrontCategoryResponse {
  @ApiProperty({ description: 'A category id, or "uncategorised" for products without a category' }) id!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ type: [StorefrontProductResponse] }) products!: StorefrontProductResponse[];
}

export class StorefrontCatalogResponse {
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ example: 'SEK' }) currency!: string;
  @ApiProperty({ type: [StorefrontCategoryResponse], description: 'Top-level categories by position, each followed by its children' })
  categories!: StorefrontCategoryResponse[];
}
