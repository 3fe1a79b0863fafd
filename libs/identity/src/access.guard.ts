import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { Inject } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ACCESS_METADATA, AccessRule, applyTenancy, RequestWithActor, StaffActor } from '@kassa/shared';
import { AccessTokenClaims, AuthService } from './auth.service';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly auth: AuthService,
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: options.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<StaffActor> {
    if (claims.typ !== 'access') throw IdentityError.invalidToken('Not an access token');
    return this.auth.actorFor(claims);
  }
}

/**
 * The one global guard. A route without @Public() or @Staff() is refused, so forgetting to
 * declare access fails closed. For staff it verifies the token, checks the role, and narrows
 * every ORM query of the request to the caller's stores.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new IdentityError(IdentityErrorCode.NO_ACCESS_RULE, 'This route declares no access rule');
    }
    if (rule.kind === 'public') {
      applyTenancy(this.em, 'unscoped');
      return true;
    }
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<RequestWithActor & { user?: StaffActor }>();
    const actor = request.user as StaffActor;
    if (!rule.roles.includes(actor.role)) {
      throw new IdentityError(IdentityErrorCode.FORBIDDEN_ROLE, `This needs the role ${rule.roles.join(' or ')}`);
    }
    request.actor = actor;
    applyTenancy(this.em, actor);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T | false, info: unknown): T {
    if (error) throw error;
    if (!user) {
      const reason = info instanceof Error ? info.message : 'Missing bearer token';
      throw IdentityError.invalidToken(reason === 'No auth token' ? 'Missing bearer token' : `Invalid access token: ${reason}`);
    }
    return user;
  }
}
