import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Category } from '../entities/category.entity';

export class CreateCategoryDto {
  @ApiProperty({ example: 'Bakverk' })
  @IsString()
  @Length(1, 200)
  nameSv!: string;

  @ApiPropertyOptional({ example: 'Pastries', description: 'The Swedish name when left out' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A top-level category; categories nest one level' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a category id' })
  parentId?: string | null;

  @ApiPropertyOptional({ example: 10, description: 'Lower comes first; after the last one when left out' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Ignored; accepted so a client may send the record back' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class CategoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameSv!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId!: string | null;
  @ApiProperty() position!: number;
  @ApiProperty() active!: boolean;

  static of(category: Category): CategoryResponse {
    const { id, nameSv, nameEn, parentId, position, active } = category;
    return { id, nameSv, nameEn, parentId, position, active };
  }
}
