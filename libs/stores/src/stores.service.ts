import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FilterQuery } from '@mikro-orm/core';
import { EventPublisher } from '@kassa/platform';
import { likePattern, ListPage, ListQuery, STORE_SCOPE_FILTER, StaffActor, UNSCOPED } from '@kassa/shared';
import { CreateStoreDto, PublicStoreResponse, StoreResponse, UpdateStoreDto } from './dto/store.dto';
import { Organisation } from './organisation.entity';
import { Store } from './store.entity';
import { storeUpdated } from './stores.events';
import { StoresError, StoresErrorCode } from './stores.errors';
import { normaliseOrganisationNumber, slugify, storeSettingsProblems } from './store-rules';

export interface NewOrganisation {
  readonly name: string;
  readonly organisationNumber?: string;
}

/**
 * Stores and their organisation. Every read here goes through the store-scope filter, so a
 * caller only ever sees the stores the guard put in scope.
 */
@Injectable()
export class StoresService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventPublisher,
  ) {}

  async listPublic(): Promise<PublicStoreResponse[]> {
    const stores = await this.em.find(Store, {}, { orderBy: { name: 'ASC' } });
    return stores.map(PublicStoreResponse.of);
  }

  async getPublic(id: string): Promise<PublicStoreResponse> {
    return PublicStoreResponse.of(await this.load(id));
  }

  async list(query: ListQuery): Promise<ListPage<StoreResponse>> {
    const { q, id, acceptingOrders } = query.filter as { q?: string; id?: string[]; acceptingOrders?: boolean };
    const where: FilterQuery<Store> = {
      ...(id ? { id: { $in: id } } : {}),
      ...(acceptingOrders !== undefined ? { acceptingOrders } : {}),
      ...(q ? { $or: [{ name: { $ilike: likePattern(q) } }, { city: { $ilike: likePattern(q) } }] } : {}),
    };
    const [items, total] = await this.em.findAndCount(Store, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(StoreResponse.of), total, offset: query.offset };
  }

  async get(id: string): Promise<StoreResponse> {
    return StoreResponse.of(await this.load(id));
  }

  async create(actor: StaffActor, input: CreateStoreDto): Promise<StoreResponse> {
    const store = new Store();
    store.organisationId = actor.organisationId;
    await this.apply(store, { ...input, slug: input.slug ?? (await this.freeSlug(input.name)) });
    this.em.persist(store);
    return StoreResponse.of(store);
  }

  async update(id: string, input: UpdateStoreDto): Promise<StoreResponse> {
    const store = await this.load(id);
    const before = StoreResponse.of(store);
    await this.apply(store, input);
    const after = StoreResponse.of(store);
    const changed = (Object.keys(input) as Array<keyof StoreResponse>).filter((key) => before[key] !== after[key]);
    if (changed.length > 0) this.events.publish(storeUpdated({ storeId: store.id, changed }));
    return after;
  }

  /** Ids of every store of an organisation: an owner's scope. Deliberately unscoped. */
  async storeIdsOf(organisationId: string): Promise<string[]> {
    const stores = await this.em.find(
      Store,
      { organisationId },
      { fields: ['id'], filters: { [STORE_SCOPE_FILTER]: UNSCOPED } },
    );
    return stores.map((s) => s.id);
  }

  /** Which of these store ids exist in the organisation (to validate staff assignments). */
  async existingStoreIds(organisationId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const stores = await this.em.find(
      Store,
      { organisationId, id: { $in: [...ids] } },
      { fields: ['id'], filters: { [STORE_SCOPE_FILTER]: UNSCOPED } },
    );
    return stores.map((s) => s.id);
  }

  async createOrganisation(input: NewOrganisation): Promise<Organisation> {
    const organisation = new Organisation();
    organisation.name = input.name;
    organisation.organisationNumber = input.organisationNumber ?? null;
    this.em.persist(organisation);
    return organisation;
  }

  /** Creates a store for an organisation outside any request (first start, seeding). */
  async createForOrganisation(organisationId: string, input: CreateStoreDto): Promise<Store> {
    const store = new Store();
    store.organisationId = organisationId;
    await this.apply(store, { ...input, slug: input.slug ?? (await this.freeSlug(input.name)) });
    this.em.persist(store);
    return store;
  }

  async organisationCount(): Promise<number> {
    return this.em.count(Organisation, {});
  }

  private async load(id: string): Promise<Store> {
    const store = await this.em.findOne(Store, id);
    if (!store) throw StoresError.notFound(id);
    return store;
  }

  private async apply(store: Store, input: UpdateStoreDto): Promise<void> {
    const country = input.country ?? store.country;
    const problems = storeSettingsProblems({
      timezone: input.timezone,
      currency: input.currency,
      country,
      organisationNumber: input.organisationNumber ?? (input.country ? store.organisationNumber : undefined),
    });
    if (problems.length > 0) throw StoresError.invalid(problems);
    if (input.slug !== undefined && input.slug !== store.slug) {
      const taken = await this.em.count(Store, { slug: input.slug, id: { $ne: store.id } }, { filters: { [STORE_SCOPE_FILTER]: UNSCOPED } });
      if (taken > 0) throw new StoresError(StoresErrorCode.SLUG_TAKEN, `The URL name "${input.slug}" is taken`, [{ field: 'slug', reason: 'is taken by another store' }]);
    }
    const { organisationNumber, ...rest } = input;
    Object.assign(store, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    if (organisationNumber !== undefined) store.organisationNumber = normaliseOrganisationNumber(country, organisationNumber);
  }

  private async freeSlug(name: string): Promise<string> {
    const base = slugify(name);
    const taken = new Set(
      (
        await this.em.find(Store, { slug: { $like: `${base}%` } }, { fields: ['slug'], filters: { [STORE_SCOPE_FILTER]: UNSCOPED } })
      ).map((s) => s.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }
}
