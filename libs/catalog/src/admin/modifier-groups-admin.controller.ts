import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CreateModifierGroupDto, ModifierGroupResponse, UpdateModifierGroupDto } from '../dto/modifier-group.dto';
import { ModifierGroupsService } from './modifier-groups.service';
import { VisibleFirst } from './visible-resource.guard';

const LIST = {
  sortable: ['nameSv', 'nameEn', 'createdAt', 'updatedAt'],
  defaultSort: { field: 'nameSv', order: 'ASC' as const },
  filters: { q: 'string' as const },
};

@ApiTags('admin: catalog')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/modifier-groups')
export class ModifierGroupsAdminController {
  constructor(private readonly groups: ModifierGroupsService) {}

  @Get()
  @Staff()
  @Paginated('modifier-groups')
  @ApiOkResponse({ type: [ModifierGroupResponse] })
  list(@CurrentActor() actor: StaffActor, @ListParams(LIST) query: ListQuery): Promise<ListPage<ModifierGroupResponse>> {
    return this.groups.list(actor, query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: ModifierGroupResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<ModifierGroupResponse> {
    return this.groups.get(actor, id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: ModifierGroupResponse })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateModifierGroupDto): Promise<ModifierGroupResponse> {
    return this.groups.create(actor, body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @VisibleFirst('modifier-group')
  @ApiOkResponse({ type: ModifierGroupResponse, description: 'The option list is replaced; options sent with their id keep it' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async update(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateModifierGroupDto): Promise<ModifierGroupResponse> {
    return this.groups.update(actor, id, body);
  }

  @Delete(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: ModifierGroupResponse, description: 'The deleted group' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'MODIFIER_GROUP_IN_USE: attached to a product' })
  @Transactional()
  async remove(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<ModifierGroupResponse> {
    return this.groups.remove(actor, id);
  }
}
