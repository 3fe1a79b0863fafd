import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CreateStockMovementDto, StockMovementResponse } from './dto/stock-movement.dto';
import { StockMovementsService } from './stock-movements.service';

const LIST = {
  sortable: ['createdAt', 'kind', 'quantity'],
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
  filters: { storeId: 'uuid[]' as const, stockItemId: 'uuid[]' as const, kind: 'string[]' as const },
};

@ApiTags('admin: inventory')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/stock-movements')
export class StockMovementsAdminController {
  constructor(private readonly movements: StockMovementsService) {}

  @Get()
  @Staff()
  @Paginated('stock-movements')
  @ApiOkResponse({ type: [StockMovementResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<StockMovementResponse>> {
    return this.movements.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: StockMovementResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<StockMovementResponse> {
    return this.movements.get(id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiOperation({ summary: 'Record a delivery, waste, adjustment or count at a store' })
  @ApiCreatedResponse({ type: StockMovementResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'INSUFFICIENT_STOCK: it would take on hand below zero' })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateStockMovementDto): Promise<StockMovementResponse> {
    return this.movements.create(actor, body);
  }
}
