import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, Staff, StaffActor } from '@kassa/shared';
import { CatalogImportDto, CatalogImportResponse, CatalogSettingsDto, CatalogSettingsResponse } from '../dto/catalog-import.dto';
import { CatalogImportService } from '../import/catalog-import.service';
import { CatalogSettingsAdminService } from './catalog-settings-admin.service';

@ApiTags('admin: catalog')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/catalog')
export class CatalogAdminController {
  constructor(
    private readonly importer: CatalogImportService,
    private readonly settings: CatalogSettingsAdminService,
  ) {}

  @Post('import')
  @Staff('owner', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Upsert products by SKU from CSV text (up to 8 MB); all rows or none' })
  @ApiOkResponse({ type: CatalogImportResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IMPORT_INVALID: details name every bad row as "line N: column"' })
  @Transactional()
  async import(@CurrentActor() actor: StaffActor, @Body() body: CatalogImportDto): Promise<CatalogImportResponse> {
    return this.importer.importCsv(actor.organisationId, body.csv, { dryRun: body.dryRun });
  }

  @Get('settings')
  @Staff()
  @ApiOkResponse({ type: CatalogSettingsResponse })
  getSettings(@CurrentActor() actor: StaffActor): Promise<CatalogSettingsResponse> {
    return this.settings.get(actor);
  }

  @Put('settings')
  @Staff('owner')
  @ApiOkResponse({ type: CatalogSettingsResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'INVALID_VAT_RATE: a rate still used by products was left out' })
  @Transactional()
  async putSettings(@CurrentActor() actor: StaffActor, @Body() body: CatalogSettingsDto): Promise<CatalogSettingsResponse> {
    return this.settings.update(actor, body);
  }
}
