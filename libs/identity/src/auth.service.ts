import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';
import { newId, newSecret, StaffActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { MeResponse, TokensResponse } from './dto/auth.dto';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

export interface AccessTokenClaims {
  readonly sub: string;
  readonly org: string;
  readonly typ: 'access';
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly stores: StoresService,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /**
   * Each attempt is counted before the password is checked, in one atomic update, so parallel
   * guessing cannot slip past the lockout; a success resets the count.
   */
  async login(email: string, password: string): Promise<TokensResponse> {
    const normalised = email.trim().toLowerCase();
    const user = await this.em.findOne(User, { email: normalised }, { populate: ['passwordHash'] });
    if (!user || !user.active) {
      await verifyPassword(DUMMY_HASH, password);
      throw IdentityError.invalidCredentials();
    }
    const { maxFailures, minutes } = this.options.lockout;
    const [counted] = await this.em.execute<Array<{ failed_logins: number }>>(
      `update staff_user set failed_logins = failed_logins + 1,
              locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
        where id = ? and (locked_until is null or locked_until <= now())
        returning failed_logins`,
      [maxFailures, minutes, user.id],
    );
    if (!counted) throw this.locked(minutes);
    if (!(await verifyPassword(user.passwordHash, password))) {
      if (counted.failed_logins >= maxFailures) throw this.locked(minutes);
      throw IdentityError.invalidCredentials();
    }
    await this.em.nativeUpdate(User, { id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
    return this.issue(user, newId());
  }

  async refresh(refreshToken: string): Promise<TokensResponse> {
    const token = await this.em.findOne(RefreshToken, { tokenHash: sha256(refreshToken) });
    if (!token) throw IdentityError.invalidToken('Unknown refresh token');
    if (token.revokedAt) {
      // A used token came back: someone has a copy. End the whole session family.
      await this.revokeFamily(token.familyId);
      throw IdentityError.invalidToken('Refresh token was already used; please sign in again');
    }
    if (token.expiresAt <= new Date()) throw IdentityError.invalidToken('Refresh token has expired');
    const revoked = await this.em.nativeUpdate(RefreshToken, { id: token.id, revokedAt: null }, { revokedAt: new Date() });
    if (revoked === 0) throw IdentityError.invalidToken('Refresh token was already used; please sign in again');
    const user = await this.em.findOne(User, { id: token.userId, active: true });
    if (!user) throw IdentityError.invalidToken('The account is no longer active');
    return this.issue(user, token.familyId);
  }

  async logout(refreshToken: string): Promise<void> {
    const token = await this.em.findOne(RefreshToken, { tokenHash: sha256(refreshToken) });
    if (token) await this.revokeFamily(token.familyId);
  }

  /** Turns a verified access token into the caller, reading role and stores fresh from the database. */
  async actorFor(claims: AccessTokenClaims): Promise<StaffActor> {
    const user = await this.em.findOne(User, { id: claims.sub, organisationId: claims.org });
    if (!user || !user.active) throw IdentityError.invalidToken('The account is no longer active');
    const storeIds = user.role === 'owner' ? await this.stores.storeIdsOf(user.organisationId) : user.storeIds;
    return { kind: 'staff', userId: user.id, name: user.name, organisationId: user.organisationId, role: user.role, storeIds };
  }

  /** The staff member a bearer access token belongs to, checked as the HTTP guard checks it (WebSocket handshakes). */
  async actorForAccessToken(token: string): Promise<StaffActor> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw IdentityError.invalidToken(`Invalid access token: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (claims.typ !== 'access') throw IdentityError.invalidToken('Not an access token');
    return this.actorFor(claims);
  }

  async me(actor: StaffActor): Promise<MeResponse> {
    const user = await this.em.findOneOrFail(User, { id: actor.userId });
    return this.meOf(user, actor.storeIds);
  }

  private meOf(user: User, storeIds: readonly string[]): MeResponse {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      storeIds: [...storeIds],
    };
  }

  private async issue(user: User, familyId: string): Promise<TokensResponse> {
    const refreshToken = newSecret(32);
    const token = new RefreshToken();
    token.userId = user.id;
    token.familyId = familyId;
    token.tokenHash = sha256(refreshToken);
    token.expiresAt = new Date(Date.now() + this.options.refreshTokenTtlDays * 86_400_000);
    await this.em.persistAndFlush(token);
    const claims: AccessTokenClaims = { sub: user.id, org: user.organisationId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.options.accessTokenTtlSeconds });
    const storeIds = user.role === 'owner' ? await this.stores.storeIdsOf(user.organisationId) : user.storeIds;
    return { accessToken, expiresIn: this.options.accessTokenTtlSeconds, refreshToken, user: this.meOf(user, storeIds) };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  private locked(minutes: number): IdentityError {
    return new IdentityError(
      IdentityErrorCode.ACCOUNT_LOCKED,
      `Too many failed sign-ins; the account is locked for up to ${minutes} minutes`,
    );
  }
}
