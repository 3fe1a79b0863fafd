import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CreateProductDto, ProductResponse, UpdateProductDto } from '../dto/product.dto';
import { ProductsService } from './products.service';
import { VisibleFirst } from './visible-resource.guard';

const LIST = {
  sortable: ['nameSv', 'nameEn', 'sku', 'price', 'createdAt', 'updatedAt'],
  defaultSort: { field: 'nameSv', order: 'ASC' as const },
  filters: { q: 'string' as const, categoryId: 'uuid[]' as const, active: 'boolean' as const },
};

@ApiTags('admin: catalog')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/products')
export class ProductsAdminController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @Staff()
  @Paginated('products')
  @ApiOkResponse({ type: [ProductResponse] })
  list(@CurrentActor() actor: StaffActor, @ListParams(LIST) query: ListQuery): Promise<ListPage<ProductResponse>> {
    return this.products.list(actor, query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: ProductResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<ProductResponse> {
    return this.products.get(actor, id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'SKU_TAKEN or BARCODE_TAKEN' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'INVALID_VAT_RATE, INVALID_PRODUCT' })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateProductDto): Promise<ProductResponse> {
    return this.products.create(actor, body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @VisibleFirst('product')
  @ApiOkResponse({ type: ProductResponse, description: 'No DELETE: deactivate with active=false' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async update(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateProductDto): Promise<ProductResponse> {
    return this.products.update(actor, id, body);
  }
}
