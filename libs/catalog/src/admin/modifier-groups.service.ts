import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, likePattern, ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { CatalogSettingsService } from '../catalog-settings.service';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { CreateModifierGroupDto, ModifierGroupResponse, UpdateModifierGroupDto } from '../dto/modifier-group.dto';
import { ModifierGroup } from '../entities/modifier-group.entity';
import { ModifierOption } from '../entities/modifier-option.entity';
import { Product } from '../entities/product.entity';

/** Modifier groups and their options; a PUT replaces the option list, keeping ids that remain. */
@Injectable()
export class ModifierGroupsService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: CatalogSettingsService,
  ) {}

  async list(actor: StaffActor, query: ListQuery): Promise<ListPage<ModifierGroupResponse>> {
    const { q, id } = query.filter as { q?: string; id?: string[] };
    const where: FilterQuery<ModifierGroup> = {
      organisationId: actor.organisationId,
      ...(id ? { id: { $in: id } } : {}),
      ...(q ? { $or: [{ nameSv: { $ilike: likePattern(q) } }, { nameEn: { $ilike: likePattern(q) } }] } : {}),
    };
    const [groups, total] = await this.em.findAndCount(ModifierGroup, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    const options = await this.optionsOf(groups.map((g) => g.id));
    return { items: groups.map((g) => ModifierGroupResponse.of(g, options.get(g.id) ?? [])), total, offset: query.offset };
  }

  async get(actor: StaffActor, id: string): Promise<ModifierGroupResponse> {
    const group = await this.load(actor.organisationId, id);
    return ModifierGroupResponse.of(group, (await this.optionsOf([id])).get(id) ?? []);
  }

  async create(actor: StaffActor, input: CreateModifierGroupDto): Promise<ModifierGroupResponse> {
    const group = new ModifierGroup();
    group.organisationId = actor.organisationId;
    this.assign(group, input);
    this.em.persist(group);
    const options = this.replaceOptions(group, [], input);
    await this.settings.changed(actor.organisationId, 'modifier-group');
    return ModifierGroupResponse.of(group, options);
  }

  async update(actor: StaffActor, id: string, input: UpdateModifierGroupDto): Promise<ModifierGroupResponse> {
    const group = await this.load(actor.organisationId, id);
    this.assign(group, input);
    const current = (await this.optionsOf([id])).get(id) ?? [];
    const options = this.replaceOptions(group, current, input);
    await this.settings.changed(actor.organisationId, 'modifier-group');
    return ModifierGroupResponse.of(group, options);
  }

  async remove(actor: StaffActor, id: string): Promise<ModifierGroupResponse> {
    const group = await this.load(actor.organisationId, id);
    const attached = await this.em.count(Product, { organisationId: actor.organisationId, modifierGroupIds: { $overlap: [id] } });
    if (attached > 0) {
      throw CatalogError.refused(CatalogErrorCode.MODIFIER_GROUP_IN_USE, [{ field: 'id', reason: `is attached to ${attached} product(s); detach it first` }], 'Modifier group in use');
    }
    const options = (await this.optionsOf([id])).get(id) ?? [];
    const response = ModifierGroupResponse.of(group, options);
    for (const option of options) this.em.remove(option);
    this.em.remove(group);
    await this.settings.changed(actor.organisationId, 'modifier-group');
    return response;
  }

  /** Which of these ids are modifier groups of the organisation. */
  async existingIds(organisationId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const groups = await this.em.find(ModifierGroup, { organisationId, id: { $in: [...ids] } }, { fields: ['id'] });
    return new Set(groups.map((g) => g.id));
  }

  async optionsOf(groupIds: readonly string[]): Promise<Map<string, ModifierOption[]>> {
    const byGroup = new Map<string, ModifierOption[]>();
    if (groupIds.length === 0) return byGroup;
    const options = await this.em.find(ModifierOption, { groupId: { $in: [...groupIds] } }, { orderBy: { position: 'ASC' } });
    for (const option of options) byGroup.set(option.groupId, [...(byGroup.get(option.groupId) ?? []), option]);
    return byGroup;
  }

  private assign(group: ModifierGroup, input: CreateModifierGroupDto): void {
    const problems: FieldProblem[] = [];
    if (input.minSelections > input.maxSelections) problems.push({ field: 'minSelections', reason: 'must not be more than maxSelections' });
    const active = input.options.filter((o) => o.active !== false).length;
    if (input.minSelections > active) problems.push({ field: 'minSelections', reason: `asks for ${input.minSelections} choice(s) but only ${active} option(s) are active` });
    if (problems.length > 0) throw CatalogError.refused(CatalogErrorCode.INVALID_MODIFIER_GROUP, problems);
    group.nameSv = input.nameSv;
    group.nameEn = input.nameEn ?? input.nameSv;
    group.minSelections = input.minSelections;
    group.maxSelections = input.maxSelections;
  }

  private replaceOptions(group: ModifierGroup, current: readonly ModifierOption[], input: CreateModifierGroupDto): ModifierOption[] {
    const byId = new Map(current.map((o) => [o.id, o]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    input.options.forEach((o, i) => {
      if (o.id === undefined) return;
      if (!byId.has(o.id)) problems.push({ field: `options.${i}.id`, reason: 'is not an option of this group; leave it out for a new option' });
      else if (seen.has(o.id)) problems.push({ field: `options.${i}.id`, reason: 'appears twice' });
      seen.add(o.id);
    });
    if (problems.length > 0) throw CatalogError.refused(CatalogErrorCode.INVALID_MODIFIER_GROUP, problems);
    const kept = input.options.map((o, position) => {
      const option = (o.id !== undefined ? byId.get(o.id) : undefined) ?? new ModifierOption();
      if (!byId.has(option.id)) {
        option.organisationId = group.organisationId;
        option.groupId = group.id;
        this.em.persist(option);
      }
      option.nameSv = o.nameSv;
      option.nameEn = o.nameEn ?? o.nameSv;
      option.priceDelta = o.priceDelta;
      option.active = o.active ?? true;
      option.position = position;
      return option;
    });
    for (const option of current) if (!seen.has(option.id)) this.em.remove(option);
    return kept;
  }

  private async load(organisationId: string, id: string): Promise<ModifierGroup> {
    const group = await this.em.findOne(ModifierGroup, { id, organisationId });
    if (!group) throw CatalogError.notFound(CatalogErrorCode.MODIFIER_GROUP_NOT_FOUND, 'Modifier group', id);
    return group;
  }
}
