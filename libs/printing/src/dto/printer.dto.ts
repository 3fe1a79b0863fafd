import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { PAPER_WIDTHS, PRINTER_CONNECTIONS, PRINTER_LANGUAGES, PRINTER_ROLES, PaperWidth, PrinterConnection, PrinterLanguage, PrinterRole } from '../entities/printer.entity';
import { CODEPAGES } from '../render/escpos.encoder';

const oneOf = (values: readonly (string | number)[]) => ({ message: `must be one of ${values.join(', ')}` });
const COLUMNS = [32, 42, 48] as const;

export class CreatePrinterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Taken from the station when left out; required for CloudPRNT printers' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a store id' })
  storeId?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The station that drives it; null for CloudPRNT' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'must be a station id' })
  stationId?: string | null;

  @ApiProperty({ example: 'Kvittoskrivaren' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: PRINTER_ROLES, isArray: true, example: ['receipt'] })
  @IsArray()
  @ArrayUnique()
  @IsIn([...PRINTER_ROLES], { each: true, ...oneOf(PRINTER_ROLES) })
  roles!: PrinterRole[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Kitchen routing: categories whose lines it prints; empty for all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'must be category ids' })
  categoryIds?: string[];

  @ApiPropertyOptional({ enum: PAPER_WIDTHS, default: 80 })
  @IsOptional()
  @IsIn([...PAPER_WIDTHS], oneOf(PAPER_WIDTHS))
  paperWidth?: PaperWidth;

  @ApiPropertyOptional({ enum: COLUMNS, description: '32 for 58 mm; 48 (default) or 42 for 80 mm' })
  @IsOptional()
  @IsIn([...COLUMNS], oneOf(COLUMNS))
  columns?: number;

  @ApiPropertyOptional({ enum: PRINTER_LANGUAGES, default: 'escpos' })
  @IsOptional()
  @IsIn([...PRINTER_LANGUAGES], oneOf(PRINTER_LANGUAGES))
  language?: PrinterLanguage;

  @ApiPropertyOptional({ enum: CODEPAGES, default: 'cp865', description: 'cp865 (Nordic) and cp858 print å ä ö; auto lets the encoder choose' })
  @IsOptional()
  @IsIn([...CODEPAGES], oneOf(CODEPAGES))
  codepage?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  cashDrawer?: boolean;

  @ApiPropertyOptional({ enum: PRINTER_CONNECTIONS, default: 'agent' })
  @IsOptional()
  @IsIn([...PRINTER_CONNECTIONS], oneOf(PRINTER_CONNECTIONS))
  connection?: PrinterConnection;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Where its jobs go when it stays offline' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'must be a printer id' })
  fallbackPrinterId?: string | null;
}

/** Any field of a printer; the read-only ones of a record sent back are accepted and ignored. */
export class UpdatePrinterDto {
  @ApiPropertyOptional({ description: 'Ignored: a printer stays in its store' }) @Allow() storeId?: unknown;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'must be a station id' })
  stationId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: PRINTER_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn([...PRINTER_ROLES], { each: true, ...oneOf(PRINTER_ROLES) })
  roles?: PrinterRole[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'must be category ids' })
  categoryIds?: string[];

  @ApiPropertyOptional({ enum: PAPER_WIDTHS })
  @IsOptional()
  @IsIn([...PAPER_WIDTHS], oneOf(PAPER_WIDTHS))
  paperWidth?: PaperWidth;

  @ApiPropertyOptional({ enum: COLUMNS })
  @IsOptional()
  @IsIn([...COLUMNS], oneOf(COLUMNS))
  columns?: number;

  @ApiPropertyOptional({ enum: PRINTER_LANGUAGES })
  @IsOptional()
  @IsIn([...PRINTER_LANGUAGES], oneOf(PRINTER_LANGUAGES))
  language?: PrinterLanguage;

  @ApiPropertyOptional({ enum: CODEPAGES })
  @IsOptional()
  @IsIn([...CODEPAGES], oneOf(CODEPAGES))
  codepage?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  cashDrawer?: boolean;

  @ApiPropertyOptional({ enum: PRINTER_CONNECTIONS })
  @IsOptional()
  @IsIn([...PRINTER_CONNECTIONS], oneOf(PRINTER_CONNECTIONS))
  connection?: PrinterConnection;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'must be a printer id' })
  fallbackPrinterId?: string | null;

  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() online?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() lastError?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() lastSeenAt?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @Allow() queueLength?: unknown;
  @ApiPropertyOptional({ description: 'Ignored: use POST …/rotate-token' }) @Allow() cloudprntTokenHint?: unknown;
}

export class PrinterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) stationId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PRINTER_ROLES, isArray: true }) roles!: PrinterRole[];
  @ApiProperty({ type: [String], format: 'uuid' }) categoryIds!: string[];
  @ApiProperty({ enum: PAPER_WIDTHS }) paperWidth!: PaperWidth;
  @ApiProperty({ enum: COLUMNS }) columns!: number;
  @ApiProperty({ enum: PRINTER_LANGUAGES }) language!: PrinterLanguage;
  @ApiProperty({ enum: CODEPAGES }) codepage!: string;
  @ApiProperty() cashDrawer!: boolean;
  @ApiProperty({ enum: PRINTER_CONNECTIONS }) connection!: PrinterConnection;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Last 4 characters of the CloudPRNT token in the URL the printer polls' }) cloudprntTokenHint!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) fallbackPrinterId!: string | null;
  @ApiProperty() online!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'paper out' }) lastError!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) lastSeenAt!: Date | null;
  @ApiProperty({ description: 'Jobs not printed yet (queued, sent, failed or held)' }) queueLength!: number;
}

export class CloudPrntAddress {
  @ApiProperty({ description: 'Shown once; only its SHA-256 is kept' }) token!: string;
  @ApiProperty({ example: 'https://kassa.example/api/v1/cloudprnt/kcp_…', description: "The CloudPRNT server URL to configure in the printer" }) url!: string;
}

export class CreatedPrinterResponse extends PrinterResponse {
  @ApiPropertyOptional({ type: CloudPrntAddress, description: 'CloudPRNT printers only, shown once' }) cloudprnt?: CloudPrntAddress;
}
