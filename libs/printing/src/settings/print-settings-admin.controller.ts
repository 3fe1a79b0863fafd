import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { ErrorBody, Staff } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { PrintSettingsDto, PrintSettingsResponse } from '../dto/print-settings.dto';
import { InScope } from '../in-scope.guard';
import { PrintSettingsService, PrintSettingsValues } from './print-settings.service';

const response = (values: PrintSettingsValues): PrintSettingsResponse => ({ receiptFooter: values.receiptFooter ?? '', holdAfterMinutes: values.holdAfterMinutes });

@ApiTags('admin: printing')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@Controller('admin/stores/:storeId/print-settings')
export class PrintSettingsAdminController {
  constructor(
    private readonly settings: PrintSettingsService,
    private readonly stores: StoresService,
  ) {}

  @Get()
  @Staff()
  @ApiOkResponse({ type: PrintSettingsResponse })
  async get(@Param('storeId', ParseUUIDPipe) storeId: string): Promise<PrintSettingsResponse> {
    await this.stores.get(storeId);
    return response(await this.settings.of(storeId));
  }

  @Put()
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: PrintSettingsResponse })
  @InScope('store')
  @Transactional()
  async update(@Param('storeId', ParseUUIDPipe) storeId: string, @Body() body: PrintSettingsDto): Promise<PrintSettingsResponse> {
    return response(await this.settings.update(storeId, body));
  }
}
