import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, likePattern, ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { CatalogSettingsService } from '../catalog-settings.service';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { CategoryResponse, CreateCategoryDto, UpdateCategoryDto } from '../dto/category.dto';
import { Category } from '../entities/category.entity';
import { Product } from '../entities/product.entity';

/** Menu sections of an organisation, nested one level. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: CatalogSettingsService,
  ) {}

  async list(actor: StaffActor, query: ListQuery): Promise<ListPage<CategoryResponse>> {
    const { q, id, parentId, active } = query.filter as { q?: string; id?: string[]; parentId?: string; active?: boolean };
    const where: FilterQuery<Category> = {
      organisationId: actor.organisationId,
      ...(id ? { id: { $in: id } } : {}),
      ...(parentId !== undefined ? { parentId } : {}),
      ...(active !== undefined ? { active } : {}),
      ...(q ? { $or: [{ nameSv: { $ilike: likePattern(q) } }, { nameEn: { $ilike: likePattern(q) } }] } : {}),
    };
    const [items, total] = await this.em.findAndCount(Category, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(CategoryResponse.of), total, offset: query.offset };
  }

  async get(actor: StaffActor, id: string): Promise<CategoryResponse> {
    return CategoryResponse.of(await this.load(actor.organisationId, id));
  }

  async create(actor: StaffActor, input: CreateCategoryDto): Promise<CategoryResponse> {
    const category = new Category();
    category.organisationId = actor.organisationId;
    category.nameSv = input.nameSv;
    category.nameEn = input.nameEn ?? input.nameSv;
    category.parentId = input.parentId ?? null;
    category.active = input.active ?? true;
    await this.assertPlacement(category);
    category.position = input.position ?? (await this.nextPosition(actor.organisationId, category.parentId));
    this.em.persist(category);
    await this.settings.changed(actor.organisationId, 'category');
    return CategoryResponse.of(category);
  }

  async update(actor: StaffActor, id: string, input: UpdateCategoryDto): Promise<CategoryResponse> {
    const category = await this.load(actor.organisationId, id);
    if (input.nameSv !== undefined) category.nameSv = input.nameSv;
    if (input.nameEn !== undefined) category.nameEn = input.nameEn;
    if (input.parentId !== undefined) category.parentId = input.parentId;
    if (input.position !== undefined) category.position = input.position;
    if (input.active !== undefined) category.active = input.active;
    await this.assertPlacement(category);
    await this.settings.changed(actor.organisationId, 'category');
    return CategoryResponse.of(category);
  }

  async remove(actor: StaffActor, id: string): Promise<CategoryResponse> {
    const category = await this.load(actor.organisationId, id);
    const [products, children] = await Promise.all([
      this.em.count(Product, { organisationId: actor.organisationId, categoryId: id }),
      this.em.count(Category, { organisationId: actor.organisationId, parentId: id }),
    ]);
    if (products > 0 || children > 0) {
      const what = [products > 0 ? `${products} product(s)` : '', children > 0 ? `${children} subcategory(ies)` : ''].filter(Boolean).join(' and ');
      throw CatalogError.refused(CatalogErrorCode.CATEGORY_IN_USE, [{ field: 'id', reason: `the category still holds ${what}; move or deactivate them first` }], 'Category in use');
    }
    this.em.remove(category);
    await this.settings.changed(actor.organisationId, 'category');
    return CategoryResponse.of(category);
  }

  /** Finds a category by its Swedish name, or creates it at the end (catalogue import). */
  async findOrCreateByName(organisationId: string, names: readonly string[]): Promise<Map<string, string>> {
    const existing = await this.em.find(Category, { organisationId }, { orderBy: { parentId: 'ASC NULLS FIRST', position: 'ASC' } });
    const byName = new Map<string, string>();
    for (const category of existing) {
      const key = category.nameSv.toLocaleLowerCase('sv');
      if (!byName.has(key)) byName.set(key, category.id);
    }
    let position = existing.reduce((max, c) => (c.parentId === null ? Math.max(max, c.position) : max), -1);
    const result = new Map<string, string>();
    for (const name of names) {
      const key = name.toLocaleLowerCase('sv');
      let id = byName.get(key);
      if (!id) {
        const category = new Category();
        Object.assign(category, { organisationId, nameSv: name, nameEn: name, position: (position += 1) });
        this.em.persist(category);
        id = category.id;
        byName.set(key, id);
      }
      result.set(name, id);
    }
    return result;
  }

  private async load(organisationId: string, id: string): Promise<Category> {
    const category = await this.em.findOne(Category, { id, organisationId });
    if (!category) throw CatalogError.notFound(CatalogErrorCode.CATEGORY_NOT_FOUND, 'Category', id);
    return category;
  }

  private async nextPosition(organisationId: string, parentId: string | null): Promise<number> {
    const last = await this.em.findOne(Category, { organisationId, parentId }, { orderBy: { position: 'DESC' }, fields: ['position'] });
    return last ? last.position + 1 : 0;
  }

  /** Categories nest one level: the parent must be a top-level category, and a parent cannot become a child. */
  private async assertPlacement(category: Category): Promise<void> {
    if (category.parentId === null) return;
    const problems: FieldProblem[] = [];
    if (category.parentId === category.id) problems.push({ field: 'parentId', reason: 'a category cannot be its own parent' });
    else {
      const parent = await this.em.findOne(Category, { id: category.parentId, organisationId: category.organisationId });
      if (!parent) problems.push({ field: 'parentId', reason: 'is not a category of this organisation' });
      else if (parent.parentId !== null) problems.push({ field: 'parentId', reason: 'is itself a subcategory; categories nest one level' });
      else if ((await this.em.count(Category, { organisationId: category.organisationId, parentId: category.id })) > 0) {
        problems.push({ field: 'parentId', reason: 'this category has subcategories, so it must stay top-level' });
      }
    }
    if (problems.length > 0) throw CatalogError.refused(CatalogErrorCode.INVALID_CATEGORY, problems);
  }
}
