import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { CreateUserDto, UpdateUserDto, UserResponse } from './dto/user.dto';
import { UsersService } from './users.service';

const LIST = {
  sortable: ['name', 'email', 'role', 'createdAt', 'lastLoginAt'],
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { q: 'string' as const, role: 'string' as const, active: 'boolean' as const, storeId: 'uuid[]' as const },
};

@ApiTags('admin: users')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/users')
export class UsersAdminController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Staff('owner', 'manager')
  @Paginated('users')
  @ApiOkResponse({ type: [UserResponse] })
  list(@CurrentActor() actor: StaffActor, @ListParams(LIST) query: ListQuery): Promise<ListPage<UserResponse>> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@CurrentActor() actor: StaffActor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiCreatedResponse({ type: UserResponse })
  @Transactional()
  async create(@CurrentActor() actor: StaffActor, @Body() body: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @Transactional()
  async update(
    @CurrentActor() actor: StaffActor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }
}
