import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { isUuid, RequestWithActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';

/** 404 for a store outside the caller's scope before the query or body is validated, so nothing leaks through a 400. */
@Injectable()
export class PaymentsStoreInScope implements CanActivate {
  constructor(private readonly stores: StoresService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const storeId = (request.params as Record<string, string | undefined>).storeId;
    if (request.actor && storeId && isUuid(storeId)) await this.stores.get(storeId);
    return true;
  }
}
