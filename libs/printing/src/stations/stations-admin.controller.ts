import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff } from '@kassa/shared';
import { CreateStationDto, StationResponse, StationTokenResponse, StationWithTokenResponse, UpdateStationDto } from '../dto/station.dto';
import { InScope } from '../in-scope.guard';
import { StationsService } from './stations.service';

const LIST = {
  sortable: ['name', 'createdAt', 'lastSeenAt'],
  defaultSort: { field: 'name', order: 'ASC' as const },
  filters: { storeId: 'uuid[]' as const, connected: 'boolean' as const, q: 'string' as const },
};

@ApiTags('admin: printing')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@Controller('admin/stations')
export class StationsAdminController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @Staff()
  @Paginated('stations')
  @ApiOperation({ summary: 'POS stations of the caller’s stores, with their printers’ live status' })
  @ApiOkResponse({ type: [StationResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<StationResponse>> {
    return this.stations.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: StationResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<StationResponse> {
    return this.stations.get(id);
  }

  @Post()
  @Staff('owner', 'manager')
  @ApiOperation({ summary: 'Register a station; its device token is in this answer only' })
  @ApiCreatedResponse({ type: StationWithTokenResponse })
  @Transactional()
  async create(@Body() body: CreateStationDto): Promise<StationWithTokenResponse> {
    return this.stations.create(body);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: StationResponse })
  @InScope('station')
  @Transactional()
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStationDto): Promise<StationResponse> {
    return this.stations.update(id, body);
  }

  @Post(':id/rotate-token')
  @Staff('owner', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new device token (shown once); the old one is refused and its connections are closed at once' })
  @ApiOkResponse({ type: StationTokenResponse })
  @Transactional()
  async rotateToken(@Param('id', ParseUUIDPipe) id: string): Promise<StationTokenResponse> {
    return { token: await this.stations.rotateToken(id) };
  }

  @Post(':id/revoke')
  @Staff('owner', 'manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse the station’s token for good and close its connections (rotate-token issues a new one)' })
  @ApiOkResponse({ type: StationResponse })
  @Transactional()
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<StationResponse> {
    return this.stations.revoke(id);
  }
}
