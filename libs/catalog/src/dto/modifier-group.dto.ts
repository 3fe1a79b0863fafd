import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { ModifierGroup } from '../entities/modifier-group.entity';
import { ModifierOption } from '../entities/modifier-option.entity';

export class ModifierOptionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Keep an existing option; leave out for a new one' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an option of this group' })
  id?: string;

  @ApiProperty({ example: 'Havre' })
  @IsString()
  @Length(1, 200)
  nameSv!: string;

  @ApiPropertyOptional({ example: 'Oat', description: 'The Swedish name when left out' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiProperty({ example: 500, description: 'Minor units added to the unit price; may be negative' })
  @IsInt()
  @Min(-10_000_000)
  @Max(10_000_000)
  priceDelta!: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateModifierGroupDto {
  @ApiProperty({ example: 'Mjölk' })
  @IsString()
  @Length(1, 200)
  nameSv!: string;

  @ApiPropertyOptional({ example: 'Milk' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiProperty({ example: 0, description: 'How many options the customer must choose at least' })
  @IsInt()
  @Min(0)
  @Max(50)
  minSelections!: number;

  @ApiProperty({ example: 1, description: 'How many options the customer may choose at most' })
  @IsInt()
  @Min(1)
  @Max(50)
  maxSelections!: number;

  @ApiProperty({ type: [ModifierOptionDto], description: 'In the order they are shown' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ModifierOptionDto)
  options!: ModifierOptionDto[];
}

export class UpdateModifierGroupDto extends CreateModifierGroupDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Ignored; accepted so a client may send the record back' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class ModifierOptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() priceDelta!: number;
  @ApiProperty() active!: boolean;
}

export class ModifierGroupResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() minSelections!: number;
  @ApiProperty() maxSelections!: number;
  @ApiProperty({ type: [ModifierOptionResponse] }) options!: ModifierOptionResponse[];

  static of(group: ModifierGroup, options: readonly ModifierOption[]): ModifierGroupResponse {
    const { id, nameSv, nameEn, minSelections, maxSelections } = group;
    return {
      id,
      nameSv,
      nameEn,
      minSelections,
      maxSelections,
      options: options.map((o) => ({ id: o.id, nameSv: o.nameSv, nameEn: o.nameEn, priceDelta: o.priceDelta, active: o.active })),
    };
  }
}
