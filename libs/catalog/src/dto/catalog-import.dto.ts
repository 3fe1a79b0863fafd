import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CatalogImportDto {
  @ApiProperty({
    description: 'The CSV text (UTF-8, `,` or `;` separated, header line first); see the catalog README for the columns',
    example: 'sku;name_sv;price;vat_rate\nBULLE-KANEL;Kanelbulle;39,00;12',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(8_000_000)
  csv!: string;

  @ApiPropertyOptional({ default: false, description: 'Check the file and count, but write nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class CatalogImportResponse {
  @ApiProperty({ description: 'Products created' }) created!: number;
  @ApiProperty({ description: 'Products updated (matched by SKU)' }) updated!: number;
  @ApiProperty({ description: 'Data rows read' }) rows!: number;
}

export class CatalogSettingsDto {
  @ApiProperty({ type: [Number], example: [25, 12, 6, 0], description: 'VAT rates products may carry, in percent' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { each: true })
  @Min(0, { each: true })
  @Max(100, { each: true })
  vatRates!: number[];
}

export class CatalogSettingsResponse {
  @ApiProperty({ type: [Number], example: [25, 12, 6, 0] }) vatRates!: number[];
}
