import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { CurrentActor, ErrorBody, ListPage, ListParams, ListQuery, Paginated, Staff, StaffActor } from '@kassa/shared';
import { NotificationPreviewResponse, NotificationTemplateResponse, PreviewNotificationTemplateDto, SaveNotificationTemplateDto } from '../dto/notification-template.dto';
import { NotificationTemplatesService } from '../templates/notification-templates.service';
import { TemplatePreview } from '../templates/template-preview';
import { KnownTemplate } from './template-id.guard';

const LIST = {
  sortable: ['kind', 'channel', 'locale', 'id', 'customised'],
  defaultSort: { field: 'kind', order: 'ASC' as const },
  // Template ids are `<kind>.<channel>.<locale>`, not UUIDs.
  filters: { id: 'string[]' as const, kind: 'string[]' as const, channel: 'string[]' as const, locale: 'string[]' as const },
};

const TEMPLATE_ID = { name: 'id', example: 'order_confirmed.email.sv', description: '<kind>.<channel>.<locale>' };

@ApiTags('admin: notifications')
@ApiBadRequestResponse({ type: ErrorBody })
@ApiNotFoundResponse({ type: ErrorBody })
@Controller('admin/notification-templates')
export class NotificationTemplatesAdminController {
  constructor(
    private readonly templates: NotificationTemplatesService,
    private readonly preview: TemplatePreview,
  ) {}

  @Get()
  @Staff()
  @Paginated('notification-templates')
  @ApiOperation({ summary: 'Every message template of the organisation (kind × channel × language), its own wording or the default' })
  @ApiOkResponse({ type: [NotificationTemplateResponse] })
  list(@CurrentActor() actor: StaffActor, @ListParams(LIST) query: ListQuery): Promise<ListPage<NotificationTemplateResponse>> {
    return this.templates.list(actor.organisationId, query);
  }

  @Post('preview')
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a template with a sample order at the caller’s first store, without saving it; 400 names unknown placeholders' })
  @ApiOkResponse({ type: NotificationPreviewResponse })
  renderPreview(@CurrentActor() actor: StaffActor, @Body() body: PreviewNotificationTemplateDto): Promise<NotificationPreviewResponse> {
    return this.preview.render(actor, body);
  }

  @Get(':id')
  @Staff()
  @ApiParam(TEMPLATE_ID)
  @ApiOkResponse({ type: NotificationTemplateResponse })
  @KnownTemplate()
  get(@CurrentActor() actor: StaffActor, @Param('id') id: string): Promise<NotificationTemplateResponse> {
    return this.templates.get(actor.organisationId, id);
  }

  @Put(':id')
  @Staff('owner', 'manager')
  @ApiParam(TEMPLATE_ID)
  @ApiOperation({ summary: 'Save the organisation’s wording; 400 names unknown placeholders' })
  @ApiOkResponse({ type: NotificationTemplateResponse })
  @KnownTemplate()
  @Transactional()
  async save(@CurrentActor() actor: StaffActor, @Param('id') id: string, @Body() body: SaveNotificationTemplateDto): Promise<NotificationTemplateResponse> {
    return this.templates.save(actor, id, body);
  }

  @Delete(':id')
  @Staff('owner', 'manager')
  @ApiParam(TEMPLATE_ID)
  @ApiOperation({ summary: 'Back to the default wording' })
  @ApiOkResponse({ type: NotificationTemplateResponse })
  @KnownTemplate()
  @Transactional()
  async reset(@CurrentActor() actor: StaffActor, @Param('id') id: string): Promise<NotificationTemplateResponse> {
    return this.templates.reset(actor.organisationId, id);
  }
}
