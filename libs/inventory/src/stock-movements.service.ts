import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher } from '@kassa/platform';
import { ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { CreateStockMovementDto, StockMovementResponse } from './dto/stock-movement.dto';
import { InventoryError, InventoryErrorCode } from './inventory.errors';
import { stockLow } from './inventory.events';
import { ManualMovementKind, MovementKind } from './inventory.types';
import { StockItem } from './stock-item.entity';
import { StockItemsService } from './stock-items.service';
import { StockLedger } from './stock-ledger.repository';
import { StockMovement } from './stock-movement.entity';
import { crossedLowThreshold, manualDelta, manualMovementProblem } from './stock-rules';

export interface ManualMovement {
  readonly storeId: string;
  readonly stockItemId: string;
  readonly kind: ManualMovementKind;
  readonly quantity: number;
  readonly reason: string;
}

/** The ledger as staff see it, and the movements they record by hand (deliveries, waste, counts). */
@Injectable()
export class StockMovementsService {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: StockLedger,
    private readonly items: StockItemsService,
    private readonly events: EventPublisher,
  ) {}

  async list(query: ListQuery): Promise<ListPage<StockMovementResponse>> {
    const { id, storeId, stockItemId, kind } = query.filter as { id?: string[]; storeId?: string[]; stockItemId?: string[]; kind?: string[] };
    const where: FilterQuery<StockMovement> = {
      ...(id ? { id: { $in: id } } : {}),
      ...(storeId ? { storeId: { $in: storeId } } : {}),
      ...(stockItemId ? { stockItemId: { $in: stockItemId } } : {}),
      ...(kind ? { kind: { $in: kind as MovementKind[] } } : {}),
    };
    const [items, total] = await this.em.findAndCount(StockMovement, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(StockMovementResponse.of), total, offset: query.offset };
  }

  async get(id: string): Promise<StockMovementResponse> {
    const movement = await this.em.findOne(StockMovement, id);
    if (!movement) throw InventoryError.notFound(InventoryErrorCode.STOCK_MOVEMENT_NOT_FOUND, 'Stock movement', id);
    return StockMovementResponse.of(movement);
  }

  async create(actor: StaffActor, input: CreateStockMovementDto): Promise<StockMovementResponse> {
    if (!actor.storeIds.includes(input.storeId)) {
      throw InventoryError.notFound(InventoryErrorCode.STORE_NOT_FOUND, 'Store', input.storeId);
    }
    return this.record(input, actor.userId);
  }

  /**
   * Records a delivery, waste, adjustment or count at a store. The level row is locked first,
   * so a count's difference is taken against the on hand no one else is changing.
   */
  async record(input: ManualMovement, userId: string | null): Promise<StockMovementResponse> {
    const problem = manualMovementProblem(input.kind, input.quantity);
    if (problem) throw InventoryError.invalidMovement(problem);
    const item: StockItem = await this.items.load(input.stockItemId);
    await this.ledger.ensureLevels(input.storeId, [item.id]);
    const level = await this.ledger.lockLevel(input.storeId, item.id);
    if (!level) throw InventoryError.notFound(InventoryErrorCode.STOCK_ITEM_NOT_FOUND, 'Stock item', item.id);
    const delta = manualDelta(input.kind, input.quantity, level.onHand);
    if (!item.allowBackorder && level.onHand + delta < 0) {
      throw new InventoryError(
        InventoryErrorCode.INSUFFICIENT_STOCK,
        `${item.name}: only ${level.onHand} ${item.unit} on hand; this would take it below zero`,
        [{ field: 'quantity', reason: `is more than the ${level.onHand} ${item.unit} on hand` }],
      );
    }
    const after = await this.ledger.changeLevel({ storeId: input.storeId, stockItemId: item.id, onHand: delta, reserved: 0, guard: false });
    if (!after) throw InventoryError.notFound(InventoryErrorCode.STOCK_ITEM_NOT_FOUND, 'Stock item', item.id);
    const [movement] = await this.ledger.insertMovements([
      {
        storeId: input.storeId,
        stockItemId: item.id,
        kind: input.kind,
        quantity: delta,
        reservedDelta: 0,
        onHandAfter: after.onHand,
        reason: input.reason,
        holdId: null,
        userId,
      },
    ]);
    const available = after.onHand - after.reserved;
    if (crossedLowThreshold(after.lowStockThreshold, available, delta)) {
      this.events.publish(
        stockLow({
          storeId: input.storeId,
          stockItemId: item.id,
          sku: item.sku,
          name: item.name,
          available,
          threshold: after.lowStockThreshold,
          parLevel: after.parLevel,
        }),
      );
    }
    return StockMovementResponse.ofRow(movement);
  }
}
