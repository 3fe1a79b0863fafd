import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { isUuid, RequestWithActor } from '@kassa/shared';
import { OrdersService } from './orders.service';

/**
 * Answers 404 for an order outside the caller's stores before the body is validated, so staff
 * of store A learn nothing about store B's orders, not even through a validation error. Runs
 * after the global access guard has scoped the entity manager to the caller.
 */
@Injectable()
export class OrderInScopeGuard implements CanActivate {
  constructor(private readonly orders: OrdersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const id = (request.params as Record<string, string | undefined>).id;
    // Malformed ids are left to the parameter pipes, which answer 400 naming them.
    if (request.actor && id && isUuid(id)) await this.orders.get(id);
    return true;
  }
}

export const OrderInScope = (): ClassDecorator & MethodDecorator => UseGuards(OrderInScopeGuard);
