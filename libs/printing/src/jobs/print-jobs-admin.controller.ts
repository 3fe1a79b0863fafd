import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff } from '@kassa/shared';
import { PrintJobPreviewResponse, PrintJobResponse, ReroutePrintJobDto } from '../dto/print-job.dto';
import { InScope } from '../in-scope.guard';
import { PrintJobViews } from './print-job-views';
import { PrintJobsService } from './print-jobs.service';

const LIST = {
  sortable: ['createdAt', 'sequence', 'status'],
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
  filters: { storeId: 'uuid[]' as const, printerId: 'uuid[]' as const, orderId: 'uuid' as const, status: 'string[]' as const, kind: 'string' as const },
};

@ApiTags('admin: printing')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@Controller('admin/print-jobs')
export class PrintJobsAdminController {
  constructor(
    private readonly jobs: PrintJobsService,
    private readonly views: PrintJobViews,
  ) {}

  @Get()
  @Staff()
  @Paginated('print-jobs')
  @ApiOperation({ summary: 'Print jobs of the caller’s stores (filter status "held" for what waits to be released)' })
  @ApiOkResponse({ type: [PrintJobResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<PrintJobResponse>> {
    return this.views.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: PrintJobResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PrintJobResponse> {
    return this.views.get(id);
  }

  @Get(':id/preview')
  @Staff()
  @ApiOperation({ summary: 'The paper as monospace text and as HTML (large lines large, the QR code as SVG): the layout the printer got' })
  @ApiOkResponse({ type: PrintJobPreviewResponse })
  preview(@Param('id', ParseUUIDPipe) id: string): Promise<PrintJobPreviewResponse> {
    return this.views.preview(id);
  }

  @Post(':id/reprint')
  @Staff()
  @ApiOperation({ summary: 'Print a copy marked KOPIA; a customer receipt may be copied once, kitchen tickets freely' })
  @ApiCreatedResponse({ type: PrintJobResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'COPY_ALREADY_PRINTED' })
  @Transactional()
  async reprint(@Param('id', ParseUUIDPipe) id: string): Promise<PrintJobResponse> {
    return (await this.views.views([await this.jobs.reprint(id)]))[0];
  }

  @Post(':id/release')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a held job (one that waited out a long outage) to its printer now' })
  @ApiOkResponse({ type: PrintJobResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'JOB_NOT_HELD' })
  @Transactional()
  async release(@Param('id', ParseUUIDPipe) id: string): Promise<PrintJobResponse> {
    return (await this.views.views([await this.jobs.release(id)]))[0];
  }

  @Post(':id/reroute')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a job that has not printed to another printer of its store (a fallback)' })
  @ApiOkResponse({ type: PrintJobResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'JOB_ALREADY_PRINTED' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'INVALID_REROUTE' })
  @InScope('print-job')
  @Transactional()
  async reroute(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReroutePrintJobDto): Promise<PrintJobResponse> {
    return (await this.views.views([await this.jobs.reroute(id, body.printerId)]))[0];
  }
}
