import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, likePattern, ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { CreateUserDto, UpdateUserDto, UserResponse } from './dto/user.dto';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { hashPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

/**
 * Staff accounts. Owners manage everyone in their organisation; a manager sees the people who
 * share a store with them and manages staff of their own stores only.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly stores: StoresService,
  ) {}

  async list(actor: StaffActor, query: ListQuery): Promise<ListPage<UserResponse>> {
    const { q, id, role, active, storeId } = query.filter as {
      q?: string; id?: string[]; role?: string; active?: boolean; storeId?: string[];
    };
    const where: FilterQuery<User> = {
      $and: [
        this.visibleTo(actor),
        id ? { id: { $in: id } } : {},
        role ? { role: role as User['role'] } : {},
        active !== undefined ? { active } : {},
        storeId ? { storeIds: { $overlap: storeId } } : {},
        q ? { $or: [{ name: { $ilike: likePattern(q) } }, { email: { $ilike: likePattern(q) } }] } : {},
      ],
    };
    const [items, total] = await this.em.findAndCount(User, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(UserResponse.of), total, offset: query.offset };
  }

  async get(actor: StaffActor, id: string): Promise<UserResponse> {
    return UserResponse.of(await this.load(actor, id));
  }

  async create(actor: StaffActor, input: CreateUserDto): Promise<UserResponse> {
    const email = input.email.trim().toLowerCase();
    await this.assertAssignable(actor, input.role, input.storeIds);
    if ((await this.em.count(User, { email })) > 0) {
      throw new IdentityError(IdentityErrorCode.EMAIL_TAKEN, `${email} already has an account`, [
        { field: 'email', reason: 'already has an account' },
      ]);
    }
    const user = new User();
    Object.assign(user, {
      organisationId: actor.organisationId,
      email,
      name: input.name,
      role: input.role,
      storeIds: input.role === 'owner' ? [] : [...new Set(input.storeIds)],
      passwordHash: await hashPassword(input.password),
    });
    this.em.persist(user);
    return UserResponse.of(user);
  }

  async update(actor: StaffActor, id: string, input: UpdateUserDto): Promise<UserResponse> {
    const user = await this.load(actor, id);
    this.assertManageable(actor, user);
    if (user.id === actor.userId && ((input.role && input.role !== user.role) || input.active === false)) {
      throw IdentityError.invalidUser([
        { field: input.active === false ? 'active' : 'role', reason: 'you cannot demote or deactivate yourself' },
      ]);
    }
    const role = input.role ?? user.role;
    const storeIds = input.storeIds ?? user.storeIds;
    if (input.role !== undefined || input.storeIds !== undefined) await this.assertAssignable(actor, role, storeIds);
    user.role = role;
    user.storeIds = role === 'owner' ? [] : [...new Set(storeIds)];
    if (input.name !== undefined) user.name = input.name;
    if (input.active !== undefined) user.active = input.active;
    if (input.password !== undefined) user.passwordHash = await hashPassword(input.password);
    if (input.active === false || input.password !== undefined) {
      await this.em.nativeUpdate(RefreshToken, { userId: user.id, revokedAt: null }, { revokedAt: new Date() });
    }
    return UserResponse.of(user);
  }

  /** Creates the first owner of an organisation (first start); outside any request. */
  async createOwner(organisationId: string, email: string, name: string, password: string): Promise<User> {
    const user = new User();
    Object.assign(user, {
      organisationId,
      email: email.trim().toLowerCase(),
      name,
      role: 'owner',
      storeIds: [],
      passwordHash: await hashPassword(password),
    });
    this.em.persist(user);
    return user;
  }

  private visibleTo(actor: StaffActor): FilterQuery<User> {
    if (actor.role === 'owner') return { organisationId: actor.organisationId };
    return { organisationId: actor.organisationId, storeIds: { $overlap: [...actor.storeIds] } };
  }

  private async load(actor: StaffActor, id: string): Promise<User> {
    const user = await this.em.findOne(User, { $and: [{ id }, this.visibleTo(actor)] });
    if (!user) throw IdentityError.userNotFound(id);
    return user;
  }

  private assertManageable(actor: StaffActor, user: User): void {
    if (actor.role === 'owner' || user.id === actor.userId) return;
    if (user.role !== 'staff' || !user.storeIds.every((s) => actor.storeIds.includes(s))) {
      throw new IdentityError(IdentityErrorCode.FORBIDDEN_ROLE, 'Managers can only change staff of their own stores');
    }
  }

  private async assertAssignable(actor: StaffActor, role: User['role'], storeIds: readonly string[]): Promise<void> {
    const problems: FieldProblem[] = [];
    if (actor.role !== 'owner' && role !== 'staff') {
      problems.push({ field: 'role', reason: 'managers can only assign the staff role' });
    }
    if (role !== 'owner') {
      if (storeIds.length === 0) problems.push({ field: 'storeIds', reason: 'must name at least one store' });
      const existing = new Set(await this.stores.existingStoreIds(actor.organisationId, storeIds));
      const outside = storeIds.filter((s) => !existing.has(s) || !actor.storeIds.includes(s));
      if (outside.length > 0) problems.push({ field: 'storeIds', reason: `unknown or not yours: ${outside.join(', ')}` });
    }
    if (problems.length > 0) throw IdentityError.invalidUser(problems);
  }
}
