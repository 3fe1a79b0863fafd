import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '@kassa/shared';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.com' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: [String], description: 'Stores in scope (all of the organisation for owners)' }) storeIds!: string[];
}

export class TokensResponse {
  @ApiProperty({ description: 'Bearer token for the API' }) accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Single-use token for POST /auth/refresh' }) refreshToken!: string;
  @ApiProperty({ type: MeResponse }) user!: MeResponse;
}
