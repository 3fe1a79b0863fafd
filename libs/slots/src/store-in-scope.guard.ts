import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { isUuid, RequestWithActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';

/**
 * Answers 404 for a store outside the caller's scope before the body is validated, so a manager
 * of store A learns nothing about store B, not even through a validation error. Runs after the
 * global access guard has scoped the entity manager to the caller.
 */
@Injectable()
export class StoreInScopeGuard implements CanActivate {
  constructor(private readonly stores: StoresService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const storeId = (request.params as Record<string, string | undefined>).storeId;
    // Malformed ids are left to the parameter pipes, which answer 400 naming them.
    if (request.actor && storeId && isUuid(storeId)) await this.stores.get(storeId);
    return true;
  }
}

export const StoreInScope = (): ClassDecorator & MethodDecorator => UseGuards(StoreInScopeGuard);
