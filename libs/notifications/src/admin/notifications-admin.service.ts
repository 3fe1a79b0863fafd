import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommonError, FieldProblem, likePattern, ListPage, ListQuery } from '@kassa/shared';
import { NotificationDetailResponse, NotificationResponse } from '../dto/notification.dto';
import { Notification } from '../entities/notification.entity';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '../notification.types';
import { NotificationsClock } from '../notifications.clock';
import { NotificationsError, NotificationsErrorCode } from '../notifications.errors';

interface NotificationFilter {
  readonly id?: string[];
  readonly storeId?: string[];
  readonly orderId?: string;
  readonly channel?: string[];
  readonly status?: string[];
  readonly kind?: string[];
  readonly q?: string;
}

/** The notification log as staff see it: their stores only (the store-scope filter), recipients masked. */
@Injectable()
export class NotificationsAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: NotificationsClock,
  ) {}

  async list(query: ListQuery): Promise<ListPage<NotificationResponse>> {
    const [items, total] = await this.em.findAndCount(Notification, whereOf(query.filter as NotificationFilter), {
      orderBy: [{ [query.sort.field]: query.sort.order }, { id: 'ASC' }],
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(NotificationResponse.of), total, offset: query.offset };
  }

  async get(id: string): Promise<NotificationDetailResponse> {
    return NotificationDetailResponse.detail(await this.load(id));
  }

  /** A copy of the message, sent again now as a new notification (the original keeps its log). */
  async resend(id: string): Promise<NotificationDetailResponse> {
    const original = await this.load(id);
    if (original.status === 'queued' || original.status === 'scheduled' || original.status === 'sending') {
      throw new NotificationsError(NotificationsErrorCode.NOT_RESENDABLE, `Notification ${id} is still ${original.status}; it has not been sent yet`, [{ field: 'status', reason: `is ${original.status}` }]);
    }
    const copy = new Notification();
    Object.assign(copy, {
      organisationId: original.organisationId,
      storeId: original.storeId,
      orderId: original.orderId,
      orderNumber: original.orderNumber,
      idempotencyKey: `resend:${copy.id}`,
      kind: original.kind,
      channel: original.channel,
      recipient: original.recipient,
      locale: original.locale,
      subject: original.subject,
      text: original.text,
      html: original.html,
      status: 'queued',
      nextAttemptAt: this.clock.now(),
      createdAt: this.clock.now(),
      resentFrom: original.id,
    });
    // Committed with the request; a worker picks it up within a second.
    this.em.persist(copy);
    return NotificationDetailResponse.detail(copy);
  }

  private async load(id: string): Promise<Notification> {
    const notification = await this.em.findOne(Notification, { id });
    if (!notification) throw NotificationsError.notFound(id);
    return notification;
  }
}

function whereOf(filter: NotificationFilter): FilterQuery<Notification> {
  const problems: FieldProblem[] = [];
  const among = (field: keyof NotificationFilter, values: readonly string[]) => {
    const given = filter[field];
    if (Array.isArray(given) && !given.every((v) => values.includes(v))) problems.push({ field: `filter.${field}`, reason: `must be among ${values.join(', ')}` });
  };
  among('channel', NOTIFICATION_CHANNELS);
  among('status', NOTIFICATION_STATUSES);
  among('kind', NOTIFICATION_KINDS);
  if (problems.length > 0) throw CommonError.validation(problems);
  const q = filter.q?.trim();
  return {
    ...(filter.id ? { id: { $in: filter.id } } : {}),
    ...(filter.storeId ? { storeId: { $in: filter.storeId } } : {}),
    ...(filter.orderId ? { orderId: filter.orderId } : {}),
    ...(filter.channel ? { channel: { $in: filter.channel as Notification['channel'][] } } : {}),
    ...(filter.status ? { status: { $in: filter.status as Notification['status'][] } } : {}),
    ...(filter.kind ? { kind: { $in: filter.kind as Notification['kind'][] } } : {}),
    ...(q ? { $or: [{ recipient: { $ilike: likePattern(q) } }, { subject: { $ilike: likePattern(q) } }, { orderNumber: { $ilike: likePattern(q) } }] } : {}),
  };
}

