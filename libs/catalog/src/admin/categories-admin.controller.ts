import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CategoryResponse, CreateCategoryDto, UpdateCategoryDto } from '../dto/category.dto';
import { CategoriesService } from './categories.service';
import { VisibleFirst } from './visible-resource.guard';

const LIST = {
  sortable: ['position', 'nameSv', 'nameEn', 'createdAt', 'updatedAt'],
  defaultSort: { field: 'position', order: 'ASC' as const },
  filters: { q: 'string' as const, parentId: 'uuid' as const, active: 'boolean' as const },
};

@ApiTags('admin: catalog')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/categories')
export class CategoriesAdminController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Staff()
  @Paginated('categories')
  @ApiOkResponse({ type: [CategoryResponse] })
  list(@CurrentActor() actor: StaffActor, @ListParams(LIST) query: ListQuery): Promise<ListPage<CategoryResponse>> {
    return this.categories.list(actor, query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: CategoryResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<CategoryResponse> {
    return this.categories.get(actor, id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: CategoryResponse })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateCategoryDto): Promise<CategoryResponse> {
    return this.categories.create(actor, body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @VisibleFirst('category')
  @ApiOkResponse({ type: CategoryResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async update(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCategoryDto): Promise<CategoryResponse> {
    return this.categories.update(actor, id, body);
  }

  @Delete(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: CategoryResponse, description: 'The deleted category' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'CATEGORY_IN_USE: it still has products or subcategories' })
  @Transactional()
  async remove(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<CategoryResponse> {
    return this.categories.remove(actor, id);
  }
}
