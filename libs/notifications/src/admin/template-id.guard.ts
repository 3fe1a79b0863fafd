import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { parseTemplateId } from '../templates/template-catalogue';
import { NotificationsError } from '../notifications.errors';

/** An id that names no template is a 404 before the body is looked at, like an unknown row id. */
@Injectable()
export class TemplateIdGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const id = (context.switchToHttp().getRequest<{ params: Record<string, string | undefined> }>().params).id ?? '';
    if (!parseTemplateId(id)) throw NotificationsError.templateNotFound(id);
    return true;
  }
}

export const KnownTemplate = (): MethodDecorator & ClassDecorator => UseGuards(TemplateIdGuard);
