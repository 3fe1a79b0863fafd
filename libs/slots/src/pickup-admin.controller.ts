import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, Staff, StaffActor } from '@kassa/shared';
import {
  BusyModeDto,
  BusyModeResponse,
  DayLoadResponse,
  PickupScheduleDto,
  PickupScheduleResponse,
  SlotLoadQuery,
} from './dto/pickup-admin.dto';
import { PickupAdminService } from './pickup-admin.service';
import { StoreInScope } from './store-in-scope.guard';

@ApiTags('admin: pickup')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@StoreInScope()
@Controller('admin/stores/:storeId')
export class PickupAdminController {
  constructor(private readonly pickup: PickupAdminService) {}

  @Get('pickup-schedule')
  @Staff()
  @ApiOkResponse({ type: PickupScheduleResponse })
  schedule(@Param('storeId', ParseUUIDPipe) storeId: string): Promise<PickupScheduleResponse> {
    return this.pickup.schedule(storeId);
  }

  @Put('pickup-schedule')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: PickupScheduleResponse })
  @Transactional()
  async updateSchedule(@Param('storeId', ParseUUIDPipe) storeId: string, @Body() body: PickupScheduleDto): Promise<PickupScheduleResponse> {
    return this.pickup.updateSchedule(storeId, body);
  }

  @Get('busy-mode')
  @Staff()
  @ApiOkResponse({ type: BusyModeResponse })
  busyMode(@Param('storeId', ParseUUIDPipe) storeId: string): Promise<BusyModeResponse> {
    return this.pickup.busyMode(storeId);
  }

  @Put('busy-mode')
  @Staff()
  @ApiOperation({ summary: 'Pause online ordering or push pickups back; any staff of the store may' })
  @ApiOkResponse({ type: BusyModeResponse })
  @Transactional()
  async setBusyMode(
    @CurrentActor() actor: StaffActor,
    @Param('storeId', ParseUUIDPipe) storeId: string,
    @Body() body: BusyModeDto,
  ): Promise<BusyModeResponse> {
    return this.pickup.setBusyMode(actor, storeId, body);
  }

  @Get('pickup-load')
  @Staff()
  @ApiOperation({ summary: 'A day’s slots with what is booked against each one’s capacity' })
  @ApiOkResponse({ type: DayLoadResponse })
  dayLoad(@Param('storeId', ParseUUIDPipe) storeId: string, @Query() query: SlotLoadQuery): Promise<DayLoadResponse> {
    return this.pickup.dayLoad(storeId, query.date);
  }
}
