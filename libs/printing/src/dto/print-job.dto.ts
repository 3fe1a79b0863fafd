import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PRINT_JOB_KINDS, PRINT_JOB_STATUSES, PrintJobKind, PrintJobStatus } from '../entities/print-job.entity';

export class PrintJobResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty({ format: 'uuid' }) printerId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null once the printer is deleted' }) printerName!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) orderId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'A-042' }) orderNumber!: string | null;
  @ApiProperty({ enum: PRINT_JOB_KINDS }) kind!: PrintJobKind;
  @ApiProperty({ description: 'Per printer, in the order the printer gets its jobs' }) sequence!: number;
  @ApiProperty({ enum: PRINT_JOB_STATUSES }) status!: PrintJobStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ description: 'A reprint, printed with KOPIA' }) copy!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) sentAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) printedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The customer receipt number (copies repeat it)' }) receiptNumber!: number | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The printer it was re-routed from' }) reroutedFrom!: string | null;
}

export class PrintJobPreviewResponse {
  @ApiProperty({ description: 'Monospace text at the printer’s columns, as on paper (large text spaced out)' }) text!: string;
  @ApiProperty({ description: 'An HTML fragment of the paper: large lines large, the QR code as inline SVG' }) html!: string;
}

export class ReroutePrintJobDto {
  @ApiProperty({ format: 'uuid', description: 'Another printer of the same store' })
  @IsUUID('all', { message: 'must be a printer id' })
  printerId!: string;
}
