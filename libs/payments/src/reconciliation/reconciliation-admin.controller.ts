import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorBody, Staff } from '@kassa/shared';
import { PaymentsStoreInScope } from '../payments-store-in-scope.guard';
import { ReconciliationQuery, ReconciliationResponse } from './dto/reconciliation.dto';
import { reconciliationCsv } from './reconciliation-csv';
import { ReconciliationService } from './reconciliation.service';

@ApiTags('admin: payments')
@ApiBadRequestResponse({ type: ErrorBody, description: 'date is not a calendar date' })
@ApiNotFoundResponse({ type: ErrorBody, description: 'STORE_NOT_FOUND, or a store outside the caller’s stores' })
@UseGuards(PaymentsStoreInScope)
@Controller('admin/stores/:storeId/reconciliation')
export class ReconciliationAdminController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @Staff()
  @ApiOperation({
    summary: 'End-of-day reconciliation: per provider, what Kassa captured and refunded in the store’s business day against what the provider says, with mismatches',
    description:
      'JSON by default; CSV with `Accept: text/csv` or `?format=csv` (UTF-8 with BOM, `;`-separated, decimal comma, one row per payment). Amounts in JSON are minor units.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ReconciliationResponse })
  async get(
    @Param('storeId', ParseUUIDPipe) storeId: string,
    @Query() query: ReconciliationQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReconciliationResponse | string> {
    const report = await this.reconciliation.report(storeId, query.date);
    const csv = query.format === 'csv' || (query.format === undefined && typeof accept === 'string' && accept.includes('text/csv'));
    if (!csv) return report as ReconciliationResponse;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="kassa-reconciliation-${report.date}.csv"`);
    return reconciliationCsv(report);
  }
}
