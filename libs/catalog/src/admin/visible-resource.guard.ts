import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, RequestWithActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { Category } from '../entities/category.entity';
import { ModifierGroup } from '../entities/modifier-group.entity';
import { Product } from '../entities/product.entity';
import { ProductOverride } from '../entities/product-override.entity';

const RESOURCE = 'catalog:resource';

const RESOURCES = {
  category: { entity: Category, code: CatalogErrorCode.CATEGORY_NOT_FOUND, label: 'Category' },
  product: { entity: Product, code: CatalogErrorCode.PRODUCT_NOT_FOUND, label: 'Product' },
  'modifier-group': { entity: ModifierGroup, code: CatalogErrorCode.MODIFIER_GROUP_NOT_FOUND, label: 'Modifier group' },
  'product-override': { entity: ProductOverride, code: CatalogErrorCode.OVERRIDE_NOT_FOUND, label: 'Product override' },
} as const;

export type CatalogResource = keyof typeof RESOURCES;

/**
 * Answers 404 for a resource the caller cannot see before the body is validated, so a manager of
 * store A learns nothing about store B's ids, not even through a validation error. Runs after the
 * global access guard has scoped the entity manager to the caller.
 */
@Injectable()
export class VisibleResourceGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
    private readonly stores: StoresService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const actor = request.actor;
    if (!actor) return true;
    const params = request.params as Record<string, string | undefined>;
    // Malformed ids are left to the parameter pipes, which answer 400 naming them.
    if (params.storeId && isUuid(params.storeId)) await this.stores.get(params.storeId);
    if (params.productId && isUuid(params.productId)) await this.assertVisible('product', params.productId, actor.organisationId);
    const resource = this.reflector.get<CatalogResource | undefined>(RESOURCE, context.getHandler());
    if (resource && params.id && isUuid(params.id)) await this.assertVisible(resource, params.id, actor.organisationId);
    return true;
  }

  private async assertVisible(resource: CatalogResource, id: string, organisationId: string): Promise<void> {
    const { entity, code, label } = RESOURCES[resource];
    if ((await this.em.count(entity, { id, organisationId })) === 0) throw CatalogError.notFound(code, label, id);
  }
}

/** Declares which resource `:id` names (if any) and checks `:id`, `:storeId`, `:productId` are the caller's. */
export const VisibleFirst = (resource?: CatalogResource): MethodDecorator =>
  applyDecorators(SetMetadata(RESOURCE, resource), UseGuards(VisibleResourceGuard));
