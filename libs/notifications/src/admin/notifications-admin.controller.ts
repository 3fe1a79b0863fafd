import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff } from '@kassa/shared';
import { NotificationDetailResponse, NotificationResponse } from '../dto/notification.dto';
import { NotificationInScope } from './notification-in-scope.guard';
import { NotificationsAdminService } from './notifications-admin.service';

const LIST = {
  sortable: ['createdAt', 'sentAt', 'scheduledFor', 'status', 'kind', 'channel', 'attempts'],
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
  filters: {
    storeId: 'uuid[]' as const,
    orderId: 'uuid' as const,
    channel: 'string[]' as const,
    status: 'string[]' as const,
    kind: 'string[]' as const,
    q: 'string' as const,
  },
};

@ApiTags('admin: notifications')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@Controller('admin/notifications')
export class NotificationsAdminController {
  constructor(private readonly notifications: NotificationsAdminService) {}

  @Get()
  @Staff()
  @Paginated('notifications')
  @ApiOperation({ summary: 'The notification log of the caller’s stores; filter by store, order, channel, status, kind, or q (recipient, subject, order number)' })
  @ApiOkResponse({ type: [NotificationResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<NotificationResponse>> {
    return this.notifications.list(query);
  }

  @Get(':id')
  @Staff()
  @ApiOkResponse({ type: NotificationDetailResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<NotificationDetailResponse> {
    return this.notifications.get(id);
  }

  @Post(':id/resend')
  @Staff()
  @HttpCode(201)
  @ApiOperation({ summary: 'Send the message again, now, as a new notification (to the same recipient, same content)' })
  @ApiCreatedResponse({ type: NotificationDetailResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'NOT_RESENDABLE: it has not been sent yet' })
  @NotificationInScope()
  @Transactional()
  async resend(@Param('id', ParseUUIDPipe) id: string): Promise<NotificationDetailResponse> {
    return this.notifications.resend(id);
  }
}
