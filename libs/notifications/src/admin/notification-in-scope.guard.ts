import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, RequestWithActor } from '@kassa/shared';
import { Notification } from '../entities/notification.entity';
import { NotificationsError } from '../notifications.errors';

/** 404 for a notification outside the caller's stores, before anything else about the request is judged. */
@Injectable()
export class NotificationInScopeGuard implements CanActivate {
  constructor(private readonly em: EntityManager) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const id = (request.params as Record<string, string | undefined>).id;
    if (request.actor && id && isUuid(id) && (await this.em.count(Notification, { id })) === 0) throw NotificationsError.notFound(id);
    return true;
  }
}

export const NotificationInScope = (): MethodDecorator & ClassDecorator => UseGuards(NotificationInScopeGuard);
