import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { ReorderSuggestionResponse, StockLevelResponse, UpdateStockLevelDto } from './dto/stock-level.dto';
import { REORDER_SORTS, STOCK_LEVEL_SORTS, StockLevelsService } from './stock-levels.service';

const LEVELS = {
  sortable: STOCK_LEVEL_SORTS,
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { storeId: 'uuid' as const, lowStock: 'boolean' as const, q: 'string' as const },
};

const REORDER = {
  sortable: REORDER_SORTS,
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { storeId: 'uuid' as const, q: 'string' as const },
};

@ApiTags('admin: inventory')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/stock-levels')
export class StockLevelsAdminController {
  constructor(private readonly levels: StockLevelsService) {}

  @Get()
  @Staff()
  @Paginated('stock-levels')
  @ApiOperation({ summary: 'Every stock item at one store (filter.storeId, required unless you work at one store only)' })
  @ApiOkResponse({ type: [StockLevelResponse] })
  list(@CurrentActor() actor: StaffActor, @ListParams(LEVELS) query: ListQuery): Promise<ListPage<StockLevelResponse>> {
    return this.levels.list(actor, query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: StockLevelResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<StockLevelResponse> {
    return this.levels.get(id);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @ApiOperation({ summary: 'Set the low-stock threshold and par level (on hand changes only through movements)' })
  @ApiOkResponse({ type: StockLevelResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStockLevelDto): Promise<StockLevelResponse> {
    return this.levels.update(id, body);
  }
}

@ApiTags('admin: inventory')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/reorder-suggestions')
export class ReorderSuggestionsAdminController {
  constructor(private readonly levels: StockLevelsService) {}

  @Get()
  @Staff()
  @Paginated('reorder-suggestions')
  @ApiOperation({ summary: 'Items at or below their low-stock threshold at one store, with parLevel − available to order' })
  @ApiOkResponse({ type: [ReorderSuggestionResponse] })
  list(@CurrentActor() actor: StaffActor, @ListParams(REORDER) query: ListQuery): Promise<ListPage<ReorderSuggestionResponse>> {
    return this.levels.reorder(actor, query);
  }
}
