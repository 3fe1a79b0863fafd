import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff } from '@kassa/shared';
import { CapacityRuleDto, CapacityRuleResponse, PickupExceptionDto, PickupExceptionResponse } from './dto/pickup-admin.dto';
import { PickupRulesAdminService } from './pickup-rules-admin.service';
import { StoreInScope } from './store-in-scope.guard';

const EXCEPTIONS = { sortable: ['date', 'createdAt'], defaultSort: { field: 'date', order: 'ASC' as const }, filters: {} };
const RULES = { sortable: ['createdAt', 'weekday', 'date', 'start'], defaultSort: { field: 'createdAt', order: 'ASC' as const }, filters: {} };

@ApiTags('admin: pickup')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@StoreInScope()
@Controller('admin/stores/:storeId')
export class PickupRulesAdminController {
  constructor(private readonly rules: PickupRulesAdminService) {}

  @Get('pickup-exceptions')
  @Staff()
  @Paginated('pickup-exceptions')
  @ApiOkResponse({ type: [PickupExceptionResponse] })
  listExceptions(@Param('storeId', ParseUUIDPipe) storeId: string, @ListParams(EXCEPTIONS) query: ListQuery): Promise<ListPage<PickupExceptionResponse>> {
    return this.rules.listExceptions(storeId, query);
  }

  @Post('pickup-exceptions')
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: PickupExceptionResponse })
  @Transactional()
  async createException(@Param('storeId', ParseUUIDPipe) storeId: string, @Body() body: PickupExceptionDto): Promise<PickupExceptionResponse> {
    return this.rules.createException(storeId, body);
  }

  @Put('pickup-exceptions/:id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: PickupExceptionResponse })
  @Transactional()
  async updateException(
    @Param('storeId', ParseUUIDPipe) storeId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PickupExceptionDto,
  ): Promise<PickupExceptionResponse> {
    return this.rules.updateException(storeId, id, body);
  }

  @Delete('pickup-exceptions/:id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: PickupExceptionResponse })
  @Transactional()
  async deleteException(@Param('storeId', ParseUUIDPipe) storeId: string, @Param('id', ParseUUIDPipe) id: string): Promise<PickupExceptionResponse> {
    return this.rules.deleteException(storeId, id);
  }

  @Get('capacity-rules')
  @Staff()
  @Paginated('capacity-rules')
  @ApiOkResponse({ type: [CapacityRuleResponse] })
  listCapacityRules(@Param('storeId', ParseUUIDPipe) storeId: string, @ListParams(RULES) query: ListQuery): Promise<ListPage<CapacityRuleResponse>> {
    return this.rules.listCapacityRules(storeId, query);
  }

  @Post('capacity-rules')
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: CapacityRuleResponse })
  @Transactional()
  async createCapacityRule(@Param('storeId', ParseUUIDPipe) storeId: string, @Body() body: CapacityRuleDto): Promise<CapacityRuleResponse> {
    return this.rules.createCapacityRule(storeId, body);
  }

  @Put('capacity-rules/:id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: CapacityRuleResponse })
  @Transactional()
  async updateCapacityRule(
    @Param('storeId', ParseUUIDPipe) storeId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CapacityRuleDto,
  ): Promise<CapacityRuleResponse> {
    return this.rules.updateCapacityRule(storeId, id, body);
  }

  @Delete('capacity-rules/:id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: CapacityRuleResponse })
  @Transactional()
  async deleteCapacityRule(@Param('storeId', ParseUUIDPipe) storeId: string, @Param('id', ParseUUIDPipe) id: string): Promise<CapacityRuleResponse> {
    return this.rules.deleteCapacityRule(storeId, id);
  }
}
