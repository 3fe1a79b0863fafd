import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import type { Request } from 'express';
import { ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff } from '@kassa/shared';
import { PrintJobResponse } from '../dto/print-job.dto';
import { cloudPrntPath } from '../cloudprnt/cloudprnt-token';
import { CloudPrntAddress, CreatedPrinterResponse, CreatePrinterDto, PrinterResponse, UpdatePrinterDto } from '../dto/printer.dto';
import { InScope } from '../in-scope.guard';
import { PrintJobViews } from '../jobs/print-job-views';
import { PrintJobsService } from '../jobs/print-jobs.service';
import { PrintersService } from './printers.service';

const LIST = {
  sortable: ['name', 'createdAt'],
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { storeId: 'uuid[]' as const, stationId: 'uuid[]' as const, role: 'string' as const, connection: 'string' as const, q: 'string' as const },
};

@ApiTags('admin: printing')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@Controller('admin/printers')
export class PrintersAdminController {
  constructor(
    private readonly printers: PrintersService,
    private readonly jobs: PrintJobsService,
    private readonly views: PrintJobViews,
  ) {}

  @Get()
  @Staff()
  @Paginated('printers')
  @ApiOkResponse({ type: [PrinterResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<PrinterResponse>> {
    return this.printers.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: PrinterResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PrinterResponse> {
    return this.printers.get(id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: CreatedPrinterResponse })
  @Transactional()
  async create(@Body() body: CreatePrinterDto, @Req() request: Request): Promise<CreatedPrinterResponse> {
    const { printer, cloudprntToken } = await this.printers.create(body);
    return cloudprntToken ? { ...printer, cloudprnt: cloudPrntAddress(request, cloudprntToken) } : printer;
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: PrinterResponse })
  @InScope('printer')
  @Transactional()
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdatePrinterDto): Promise<PrinterResponse> {
    return this.printers.update(id, body);
  }

  @Delete(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: PrinterResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'PRINTER_HAS_JOBS' })
  @Transactional()
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<PrinterResponse> {
    return this.printers.remove(id);
  }

  @Post(':id/rotate-token')
  @Staff('owner', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new CloudPRNT URL for the printer (shown once); the old one stops working' })
  @ApiOkResponse({ type: CloudPrntAddress })
  @ApiConflictResponse({ type: ErrorBody, description: 'NOT_CLOUDPRNT' })
  @InScope('printer')
  @Transactional()
  async rotateToken(@Param('id', ParseUUIDPipe) id: string, @Req() request: Request): Promise<CloudPrntAddress> {
    return cloudPrntAddress(request, await this.printers.rotateCloudPrntToken(id));
  }

  @Post(':id/test-print')
  @Staff('owner', 'manager')
  @ApiOperation({ summary: 'Print a test page (store, printer, å ä ö, the column ruler, a QR code)' })
  @ApiCreatedResponse({ type: PrintJobResponse })
  @Transactional()
  async testPrint(@Param('id', ParseUUIDPipe) id: string): Promise<PrintJobResponse> {
    return (await this.views.views([await this.jobs.testPage(id)]))[0];
  }
}

// The URL as the admin reached us (behind a proxy, as `trust proxy` lets Express see it).
function cloudPrntAddress(request: Request, token: string): CloudPrntAddress {
  return { token, url: `${request.protocol}://${request.get('host') ?? 'localhost'}${cloudPrntPath(token)}` };
}
