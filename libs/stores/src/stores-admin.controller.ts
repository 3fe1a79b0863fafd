import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CreateStoreDto, StoreResponse, UpdateStoreDto } from './dto/store.dto';
import { StoresService } from './stores.service';

const LIST = {
  sortable: ['name', 'city', 'createdAt', 'updatedAt'],
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { q: 'string' as const, acceptingOrders: 'boolean' as const },
};

@ApiTags('admin: stores')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/stores')
export class StoresAdminController {
  constructor(private readonly stores: StoresService) {}

  @Get()
  @Staff()
  @Paginated('stores')
  @ApiOkResponse({ type: [StoreResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<StoreResponse>> {
    return this.stores.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: StoreResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<StoreResponse> {
    return this.stores.get(id);
  }

  @Post()
  @Staff('owner')
  @ApiCreatedResponse({ type: StoreResponse })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateStoreDto): Promise<StoreResponse> {
    return this.stores.create(actor, body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: StoreResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStoreDto): Promise<StoreResponse> {
    return this.stores.update(id, body);
  }
}
