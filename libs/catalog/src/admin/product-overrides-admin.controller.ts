import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CreateProductOverrideDto, ProductOverrideResponse, SoldOutDto, UpdateProductOverrideDto } from '../dto/product-override.dto';
import { ProductOverridesService } from './product-overrides.service';
import { VisibleFirst } from './visible-resource.guard';

const LIST = {
  sortable: ['createdAt', 'updatedAt', 'storeId', 'productId'],
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
  filters: { storeId: 'uuid[]' as const, productId: 'uuid[]' as const },
};

@ApiTags('admin: catalog')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/product-overrides')
export class ProductOverridesAdminController {
  constructor(private readonly overrides: ProductOverridesService) {}

  @Get()
  @Staff()
  @Paginated('product-overrides')
  @ApiOkResponse({ type: [ProductOverrideResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<ProductOverrideResponse>> {
    return this.overrides.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: ProductOverrideResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ProductOverrideResponse> {
    return this.overrides.get(id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: ProductOverrideResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'OVERRIDE_EXISTS: the store already has one for the product' })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateProductOverrideDto): Promise<ProductOverrideResponse> {
    return this.overrides.create(actor, body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @VisibleFirst('product-override')
  @ApiOkResponse({ type: ProductOverrideResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async update(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateProductOverrideDto): Promise<ProductOverrideResponse> {
    return this.overrides.update(actor, id, body);
  }

  @Delete(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: ProductOverrideResponse, description: 'The deleted override' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async remove(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<ProductOverrideResponse> {
    return this.overrides.remove(actor, id);
  }
}

@ApiTags('admin: catalog')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/stores/:storeId/products/:productId')
export class SoldOutAdminController {
  constructor(private readonly overrides: ProductOverridesService) {}

  @Post('sold-out')
  @Staff()
  @VisibleFirst()
  @HttpCode(200)
  @ApiOperation({ summary: 'The "86" button: sold out until the store’s local midnight, or sellable again' })
  @ApiOkResponse({ type: ProductOverrideResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async setSoldOut(
    @CurrentActor() actor: StaffActor,
    @Param('storeId', ParseUUIDPipe) storeId: string,
    @Param('productId', ParseUUIDPipe) productId: string,
    @Body() body: SoldOutDto,
  ): Promise<ProductOverrideResponse> {
    return this.overrides.setSoldOut(actor, storeId, productId, body.soldOut);
  }
}
