import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CreateStationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a store id' })
  storeId!: string;

  @ApiProperty({ example: 'Kassan vid disken' })
  @IsString()
  @Length(1, 100)
  name!: string;
}

/** Only the name changes; the rest of a record sent back is accepted and ignored. */
export class UpdateStationDto {
  @ApiPropertyOptional({ example: 'Köket' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'Ignored (read-only fields of the record may be sent back)' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'Ignored: a station stays in its store' }) @Allow() storeId?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() connected?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() lastSeenAt?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() tokenHint?: unknown;
  @ApiPropertyOptional({ description: 'Ignored: use POST …/revoke' }) @Allow() revoked?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() createdAt?: unknown;
  @ApiPropertyOptional({ description: 'Ignored: printers are edited under /admin/printers' }) @Allow() printers?: unknown;
}

export class StationPrinterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() online!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'paper out' }) lastError!: string | null;
  @ApiProperty({ description: 'Jobs not printed yet (queued, sent, failed or held)' }) queueLength!: number;
}

export class StationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Whether its agent is connected now (best effort)' }) connected!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date }) lastSeenAt!: Date | null;
  @ApiProperty({ example: 'x9Qa', description: 'The last 4 characters of its device token' }) tokenHint!: string;
  @ApiProperty() revoked!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [StationPrinterResponse] }) printers!: StationPrinterResponse[];
}

export class StationWithTokenResponse extends StationResponse {
  @ApiProperty({ example: 'kst_…', description: 'The device token, shown once: only its hash is kept' }) token!: string;
}

export class StationTokenResponse {
  @ApiProperty({ example: 'kst_…', description: 'The new device token, shown once; the old one is refused at once' }) token!: string;
}
