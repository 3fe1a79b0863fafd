import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, Staff, StaffActor } from '@kassa/shared';
import { NotificationSettingsResponse, UpdateNotificationSettingsDto } from '../dto/notification-settings.dto';
import { NotificationSettingsService } from '../settings/notification-settings.service';

@ApiTags('admin: notifications')
@ApiBadRequestResponse({ type: ErrorBody })
@Controller('admin/notification-settings')
export class NotificationSettingsAdminController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @Staff()
  @ApiOperation({ summary: 'The organisation’s notification settings, and which providers this server can use' })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  get(@CurrentActor() actor: StaffActor): Promise<NotificationSettingsResponse> {
    return this.settings.view(actor.organisationId);
  }

  @Put()
  @Staff('owner', 'manager')
  @ApiOperation({ summary: 'Change the SMS provider, the customer channels or who gets staff alerts; fields left out stay as they are' })
  @ApiOkResponse({ type: NotificationSettingsResponse })
  @Transactional()
  async update(@CurrentActor() actor: StaffActor, @Body() body: UpdateNotificationSettingsDto): Promise<NotificationSettingsResponse> {
    return this.settings.update(actor, body);
  }
}
