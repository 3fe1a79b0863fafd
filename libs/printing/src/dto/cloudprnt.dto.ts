import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** For the API docs only: the poll body is read leniently, as printers send many more fields. */
export class CloudPrntPollRequest {
  @ApiPropertyOptional({ example: '200%20OK', description: 'Star printer status code, URL-encoded: 2xx online, 4xx printer error, 5xx job error' }) statusCode?: string;
  @ApiPropertyOptional({ example: '23 86 00 00 00 00 00 00 00' }) status?: string;
  @ApiPropertyOptional({ example: '00:11:62:12:34:56' }) printerMAC?: string;
  @ApiPropertyOptional() printingInProgress?: boolean;
}

export class CloudPrntPollResponse {
  @ApiProperty() jobReady!: boolean;
  @ApiPropertyOptional({ type: [String], example: ['application/vnd.star.starprnt'] }) mediaTypes?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'The job to GET (`token=`) and confirm' }) jobToken?: string;
  @ApiPropertyOptional({ enum: ['DELETE'] }) deleteMethod?: 'DELETE';
}

export class CloudPrntConfirmResponse {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) jobId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'printed' }) status!: string | null;
}
