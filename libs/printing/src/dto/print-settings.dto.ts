import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class PrintSettingsDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Tack för ditt köp!', description: 'Printed at the foot of every receipt; empty for none' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(500)
  receiptFooter?: string | null;

  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 1440, description: 'Jobs older than this when their printer comes back are held for staff' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  holdAfterMinutes?: number;
}

export class PrintSettingsResponse {
  @ApiProperty({ example: 'Tack för ditt köp!', description: 'Empty when there is none' }) receiptFooter!: string;
  @ApiProperty({ example: 30 }) holdAfterMinutes!: number;
}
