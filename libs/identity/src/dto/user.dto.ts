import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '@kassa/shared';
import { MIN_PASSWORD_LENGTH } from '../passwords';
import { User } from '../user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'anna@kafeakern.se' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Öberg' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn([...STAFF_ROLES], { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Stores the user works at (ignored for owners)' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must be store ids' })
  storeIds!: string[];

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn([...STAFF_ROLES], { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role?: StaffRole;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must be store ids' })
  storeIds?: string[];

  @ApiPropertyOptional({ description: 'Inactive users cannot sign in; their sessions end at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH, description: 'A new password; ends the user’s sessions' })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ type: [String] }) storeIds!: string[];
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date }) lastLoginAt!: Date | null;
  @ApiProperty() createdAt!: Date;

  static of(user: User): UserResponse {
    const { id, organisationId, email, name, role, storeIds, active, lastLoginAt, createdAt } = user;
    return { id, organisationId, email, name, role, storeIds: [...storeIds], active, lastLoginAt, createdAt };
  }
}
