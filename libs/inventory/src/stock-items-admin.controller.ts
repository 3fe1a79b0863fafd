import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CreateStockItemDto, StockItemResponse, UpdateStockItemDto } from './dto/stock-item.dto';
import { StockItemsService } from './stock-items.service';

const LIST = {
  sortable: ['name', 'sku', 'unit', 'createdAt'],
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { q: 'string' as const, unit: 'string' as const, productId: 'uuid' as const },
};

@ApiTags('admin: inventory')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/stock-items')
export class StockItemsAdminController {
  constructor(private readonly items: StockItemsService) {}

  @Get()
  @Staff()
  @Paginated('stock-items')
  @ApiOkResponse({ type: [StockItemResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<StockItemResponse>> {
    return this.items.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: StockItemResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<StockItemResponse> {
    return this.items.get(id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: StockItemResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'SKU_TAKEN' })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateStockItemDto): Promise<StockItemResponse> {
    return this.items.create(actor, body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: StockItemResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'SKU_TAKEN' })
  @Transactional()
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStockItemDto): Promise<StockItemResponse> {
    return this.items.update(id, body);
  }
}
