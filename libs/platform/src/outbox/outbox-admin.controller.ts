import { Controller, Get, HttpCode, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transactional } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommonError, CommonErrorCode, likePattern, ListPage, ListParams, ListQuery, Paginated, Staff } from '@kassa/shared';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

export class OutboxMessageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'OrderPaid' }) eventType!: string;
  @ApiProperty({ example: 'printing.order-paid' }) consumer!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) storeId!: string | null;
  @ApiProperty({ enum: OutboxStatus }) status!: OutboxStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true }) lastError!: string | null;
  @ApiProperty() availableAt!: Date;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true }) processedAt!: Date | null;

  static of(m: OutboxMessage): OutboxMessageResponse {
    const { id, eventType, consumer, storeId, status, attempts, lastError, availableAt, createdAt, processedAt } = m;
    return { id, eventType, consumer, storeId, status, attempts, lastError, availableAt, createdAt, processedAt };
  }
}

const LIST = {
  sortable: ['createdAt', 'availableAt', 'attempts', 'status'],
  defaultSort: { field: 'createdAt', order: 'DESC' as const },
  filters: { status: 'string' as const, q: 'string' as const, storeId: 'uuid[]' as const },
};

/** Reads and retries outbox rows; every query goes through the store-scope filter. */
@Injectable()
export class OutboxAdminService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListQuery): Promise<ListPage<OutboxMessageResponse>> {
    const { status, q, storeId, id } = query.filter as { status?: string; q?: string; storeId?: string[]; id?: string[] };
    const [items, total] = await this.em.findAndCount(
      OutboxMessage,
      {
        ...(status ? { status: status as OutboxStatus } : {}),
        ...(id ? { id: { $in: id } } : {}),
        ...(storeId ? { storeId: { $in: storeId } } : {}),
        ...(q ? { $or: [{ eventType: { $ilike: likePattern(q) } }, { consumer: { $ilike: likePattern(q) } }] } : {}),
      },
      { orderBy: { [query.sort.field]: query.sort.order }, limit: query.limit, offset: query.offset },
    );
    return { items: items.map(OutboxMessageResponse.of), total, offset: query.offset };
  }

  async get(id: string): Promise<OutboxMessageResponse> {
    return OutboxMessageResponse.of(await this.load(id));
  }

  async retry(id: string): Promise<OutboxMessageResponse> {
    const message = await this.load(id);
    if (message.status === OutboxStatus.DONE || message.status === OutboxStatus.PROCESSING) {
      // Retrying a delivered message would repeat its side effect.
      throw new CommonError(
        CommonErrorCode.CONFLICT,
        `Outbox message ${id} is ${message.status}; only pending or dead messages can be retried`,
      );
    }
    Object.assign(message, { status: OutboxStatus.PENDING, attempts: 0, availableAt: new Date(), lastError: null });
    return OutboxMessageResponse.of(message);
  }

  private async load(id: string): Promise<OutboxMessage> {
    const message = await this.em.findOne(OutboxMessage, id);
    if (!message) throw CommonError.notFound('Outbox message', id);
    return message;
  }
}

/**
 * Side effects that could not be delivered stay visible here (dead-letter), with the last error,
 * until someone retries them. Scoped like everything else: a manager sees their stores' messages.
 */
@ApiTags('admin: outbox')
@Controller('admin/outbox-messages')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @Staff('owner', 'manager')
  @Paginated('outbox-messages')
  @ApiOperation({ summary: 'Outbox messages (filter status "dead" for the dead-letter list)' })
  @ApiOkResponse({ type: [OutboxMessageResponse] })
  list(@ListParams(LIST) query: ListQuery): Promise<ListPage<OutboxMessageResponse>> {
    return this.outbox.list(query);
  }

  @Get(':id')
  @Staff('owner', 'manager')
  @ApiOkResponse({ type: OutboxMessageResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OutboxMessageResponse> {
    return this.outbox.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Staff('owner', 'manager')
  @ApiOperation({ summary: 'Deliver a dead or failing message again, with a fresh attempt count' })
  @ApiOkResponse({ type: OutboxMessageResponse })
  @Transactional()
  async retry(@Param('id', ParseUUIDPipe) id: string): Promise<OutboxMessageResponse> {
    return this.outbox.retry(id);
  }
}
