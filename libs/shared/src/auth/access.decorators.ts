import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { StaffActor, StaffRole } from './actor';

export const ACCESS_METADATA = 'kassa:access';

/** What a route declares about its callers. Every route must declare one; the guard denies the rest. */
export type AccessRule = { readonly kind: 'public' } | { readonly kind: 'staff'; readonly roles: readonly StaffRole[] };

/** Anyone may call: storefront reads, login, provider webhooks. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Signed-in staff with one of these roles; data is scoped to their stores by the guard. */
export const Staff = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, {
      kind: 'staff',
      roles: roles.length > 0 ? roles : ['owner', 'manager', 'staff'],
    } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, expired or revoked access token' }),
    ApiForbiddenResponse({ description: `Requires role: ${(roles.length > 0 ? roles : ['any staff']).join(', ')}` }),
  );

export interface RequestWithActor extends Request {
  actor?: StaffActor;
}

/** The signed-in staff member; only valid on routes declared with @Staff(). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): StaffActor => {
  const request = context.switchToHttp().getRequest<RequestWithActor>();
  if (!request.actor) {
    throw new Error('CurrentActor used on a route that is not declared @Staff()');
  }
  return request.actor;
});
