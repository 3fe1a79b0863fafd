import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, uuidArray } from '@kassa/platform';
import { newId } from '@kassa/shared';
import { Allocation, HoldStatus, MovementKind, ReservationLine } from './inventory.types';
import { Component } from './stock-rules';

export interface ItemFacts {
  readonly sku: string;
  readonly name: string;
  readonly allowBackorder: boolean;
}

export interface LevelRow {
  readonly id: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly lowStockThreshold: number;
  readonly parLevel: number;
}

/** A change of one store's level of one stock item. */
export interface LevelChange {
  readonly storeId: string;
  readonly stockItemId: string;
  readonly onHand: number;
  readonly reserved: number;
  /** Refuse the change if it would take availability (on hand − reserved) below zero. */
  readonly guard: boolean;
}

export interface NewMovement {
  readonly storeId: string;
  readonly stockItemId: string;
  readonly kind: MovementKind;
  readonly quantity: number;
  readonly reservedDelta: number;
  readonly onHandAfter: number;
  readonly reason: string;
  readonly holdId: string | null;
  readonly userId: string | null;
}

export interface ClosedHold {
  readonly holdId: string;
  readonly storeId: string;
  readonly allocations: Allocation[];
  readonly lines: ReservationLine[];
}

export interface MovementRow {
  id: string;
  store_id: string;
  stock_item_id: string;
  kind: MovementKind;
  quantity: number;
  reserved_delta: number;
  on_hand_after: number;
  reason: string;
  hold_id: string | null;
  user_id: string | null;
  created_at: string | Date;
}

/** Quantities reserved by holds that have expired but were not released yet, per stock item. */
export const EXPIRED_HOLDS_SQL = `
  select (a->>'stockItemId')::uuid as stock_item_id, sum((a->>'quantity')::int)::int as quantity
    from stock_hold h cross join jsonb_array_elements(h.allocations) a
   where h.store_id = ? and h.status = 'active' and h.expires_at <= now()
   group by 1`;

/**
 * The SQL behind reservations and the ledger. Every statement runs through the caller's
 * EntityManager, so inside the caller's transaction; nothing here opens one.
 */
@Injectable()
export class StockLedger {
  constructor(private readonly em: EntityManager) {}

  /** What each product consumes per sold unit, and the facts of those stock items. */
  async components(productIds: readonly string[]): Promise<{
    componentsOf: Map<string, Component[]>;
    items: Map<string, ItemFacts>;
  }> {
    const componentsOf = new Map<string, Component[]>();
    const items = new Map<string, ItemFacts>();
    if (productIds.length === 0) return { componentsOf, items };
    const rows = await this.em.execute<
      Array<{ product_id: string; stock_item_id: string; per_unit: number; allow_backorder: boolean; sku: string; name: string }>
    >(
      `select t.product_id, x.stock_item_id, x.per_unit, s.allow_backorder, s.sku, s.name
         from product_tracking t
         cross join lateral (
           select t.stock_item_id, 1 where t.mode = 'tracked'
           union all
           select (e->>'stockItemId')::uuid, (e->>'quantity')::int
             from jsonb_array_elements(t.ingredients) e where t.mode = 'recipe'
         ) as x(stock_item_id, per_unit)
         join stock_item s on s.id = x.stock_item_id
        where t.product_id = any(?::uuid[])`,
      [uuidArray([...new Set(productIds)])],
    );
    for (const row of rows) {
      const list = componentsOf.get(row.product_id) ?? [];
      list.push({ stockItemId: row.stock_item_id, perUnit: row.per_unit, allowBackorder: row.allow_backorder });
      componentsOf.set(row.product_id, list);
      items.set(row.stock_item_id, { sku: row.sku, name: row.name, allowBackorder: row.allow_backorder });
    }
    return { componentsOf, items };
  }

  /** Level rows appear on first use: every stock item has a level at every store, starting at 0. */
  async ensureLevels(storeId: string, stockItemIds: readonly string[]): Promise<void> {
    if (stockItemIds.length === 0) return;
    await this.em.execute(
      `insert into stock_level (id, organisation_id, store_id, stock_item_id, on_hand, reserved, low_stock_threshold, par_level, updated_at)
       select gen_random_uuid(), s.organisation_id, ?, s.id, 0, 0, 0, 0, now() from stock_item s where s.id = any(?::uuid[])
       on conflict (store_id, stock_item_id) do nothing`,
      [storeId, uuidArray(stockItemIds)],
      'run',
    );
  }

  async ensureOrganisationLevels(storeId: string, organisationId: string): Promise<void> {
    await this.em.execute(
      `insert into stock_level (id, organisation_id, store_id, stock_item_id, on_hand, reserved, low_stock_threshold, par_level, updated_at)
       select gen_random_uuid(), s.organisation_id, ?, s.id, 0, 0, 0, 0, now()
         from stock_item s
        where s.organisation_id = ?
          and not exists (select 1 from stock_level l where l.store_id = ? and l.stock_item_id = s.id)
       on conflict (store_id, stock_item_id) do nothing`,
      [storeId, organisationId, storeId],
      'run',
    );
  }

  /**
   * One atomic conditional update: the row lock serialises concurrent changes of a level, and
   * the guard is checked against the latest committed value, so availability cannot be oversold.
   * Returns undefined when the guard refused (or the level row does not exist yet).
   */
  async changeLevel(change: LevelChange): Promise<LevelRow | undefined> {
    const [row] = await this.em.execute<
      Array<{ id: string; on_hand: number; reserved: number; low_stock_threshold: number; par_level: number }>
    >(
      `update stock_level
          set on_hand = on_hand + ?, reserved = reserved + ?, updated_at = clock_timestamp()
        where store_id = ? and stock_item_id = ?
          and (? or on_hand + ? - (reserved + ?) >= 0)
       returning id, on_hand, reserved, low_stock_threshold, par_level`,
      [change.onHand, change.reserved, change.storeId, change.stockItemId, !change.guard, change.onHand, change.reserved],
    );
    return row && { id: row.id, onHand: row.on_hand, reserved: row.reserved, lowStockThreshold: row.low_stock_threshold, parLevel: row.par_level };
  }

  /**
   * Applies level changes in one statement, locking the rows in the order given (callers sort, so
   * concurrent passes cannot deadlock). Returns the row after the change for each change applied,
   * by `storeId:stockItemId`; a change is left out when its guard refused, when its row does not
   * exist, and when it comes after a change whose row does not exist: the caller creates the
   * missing rows and applies the rest then, so rows are still locked in order. Keys must be distinct.
   */
  async changeLevels(changes: readonly LevelChange[]): Promise<Map<string, LevelRow>> {
    if (changes.length === 0) return new Map();
    const rows = await this.em.execute<
      Array<{ store_id: string; stock_item_id: string; id: string; on_hand: number; reserved: number; low_stock_threshold: number; par_level: number }>
    >(
      `with wanted as (
         select * from unnest(?::uuid[], ?::uuid[], ?::int[], ?::int[], ?::boolean[]) with ordinality
             as w(store_id, stock_item_id, on_hand, reserved, guard, ord)),
       first_missing as (
         select coalesce(min(w.ord), 2147483647) as ord from wanted w
          where not exists (select 1 from stock_level l where l.store_id = w.store_id and l.stock_item_id = w.stock_item_id)),
       locked as materialized (
         select l.id, w.ord from stock_level l join wanted w on l.store_id = w.store_id and l.stock_item_id = w.stock_item_id
          where w.ord < (select ord from first_missing)
          order by w.ord for update of l)
       update stock_level l
          set on_hand = l.on_hand + w.on_hand, reserved = l.reserved + w.reserved, updated_at = clock_timestamp()
         from locked k join wanted w on w.ord = k.ord
        where l.id = k.id and (not w.guard or l.on_hand + w.on_hand - (l.reserved + w.reserved) >= 0)
       returning l.store_id, l.stock_item_id, l.id, l.on_hand, l.reserved, l.low_stock_threshold, l.par_level`,
      [
        uuidArray(changes.map((c) => c.storeId)),
        uuidArray(changes.map((c) => c.stockItemId)),
        sqlArray(changes.map((c) => c.onHand)),
        sqlArray(changes.map((c) => c.reserved)),
        sqlArray(changes.map((c) => c.guard)),
      ],
    );
    return new Map(
      rows.map((r) => [
        `${r.store_id}:${r.stock_item_id}`,
        { id: r.id, onHand: r.on_hand, reserved: r.reserved, lowStockThreshold: r.low_stock_threshold, parLevel: r.par_level },
      ]),
    );
  }

  /** Locks one level row for a read-then-write change (manual movements). */
  async lockLevel(storeId: string, stockItemId: string): Promise<LevelRow | undefined> {
    const [row] = await this.em.execute<
      Array<{ id: string; on_hand: number; reserved: number; low_stock_threshold: number; par_level: number }>
    >(
      `select id, on_hand, reserved, low_stock_threshold, par_level from stock_level
        where store_id = ? and stock_item_id = ? for update`,
      [storeId, stockItemId],
    );
    return row && { id: row.id, onHand: row.on_hand, reserved: row.reserved, lowStockThreshold: row.low_stock_threshold, parLevel: row.par_level };
  }

  async insertMovements(movements: readonly NewMovement[]): Promise<MovementRow[]> {
    if (movements.length === 0) return [];
    const values = movements.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())').join(', ');
    const params = movements.flatMap((m) => [
      newId(), m.storeId, m.stockItemId, m.kind, m.quantity, m.reservedDelta, m.onHandAfter, m.reason.slice(0, 500), m.holdId, m.userId,
    ]);
    return this.em.execute<MovementRow[]>(
      `insert into stock_movement (id, store_id, stock_item_id, kind, quantity, reserved_delta, on_hand_after, reason, hold_id, user_id, created_at)
       values ${values}
       returning id, store_id, stock_item_id, kind, quantity, reserved_delta, on_hand_after, reason, hold_id, user_id, created_at`,
      params,
    );
  }

  /**
   * Inserts an active hold and, in the same statement, expires up to `sweep` holds of the store
   * past their TTL (skipping those another transaction has locked), whose stock the caller gives
   * back. `expiresAt` is undefined, and nothing is swept, when the hold id exists already.
   */
  async insertHold(
    holdId: string,
    storeId: string,
    allocations: readonly Allocation[],
    lines: readonly ReservationLine[],
    ttlSeconds: number,
    sweep: number,
  ): Promise<{ expiresAt?: Date; expired: ClosedHold[] }> {
    const [row] = await this.em.execute<Array<{ expires_at: string | Date | null; expired: Array<{ holdId: string; storeId: string; allocations: Allocation[]; lines: ReservationLine[] }> }>>(
      `with inserted as (
         insert into stock_hold (hold_id, store_id, status, allocations, lines, expires_at, created_at)
         values (?, ?, 'active', ?::jsonb, ?::jsonb, now() + make_interval(secs => ?), clock_timestamp())
         on conflict (hold_id) do nothing
         returning expires_at),
       expired as (
         update stock_hold set status = 'expired', closed_at = clock_timestamp()
          where exists (select 1 from inserted)
            and hold_id in (
              select hold_id from stock_hold
               where status = 'active' and expires_at <= now() and store_id = ?
               order by expires_at limit ? for update skip locked)
         returning hold_id, store_id, allocations, lines)
       select (select expires_at from inserted) as expires_at,
              coalesce((select json_agg(json_build_object('holdId', hold_id, 'storeId', store_id, 'allocations', allocations, 'lines', lines)) from expired), '[]') as expired`,
      [holdId, storeId, JSON.stringify(allocations), JSON.stringify(lines), ttlSeconds, storeId, sweep],
    );
    return { expiresAt: row.expires_at === null ? undefined : new Date(row.expires_at), expired: row.expired };
  }

  async holdState(holdId: string): Promise<{ status: HoldStatus; expiresAt: Date } | undefined> {
    const [row] = await this.em.execute<Array<{ status: HoldStatus; expires_at: string | Date }>>(
      'select status, expires_at from stock_hold where hold_id = ?',
      [holdId],
    );
    return row && { status: row.status, expiresAt: new Date(row.expires_at) };
  }

  /** Moves an active hold to `status`; undefined if it was not active (the transition is atomic). */
  async closeHold(holdId: string, status: Exclude<HoldStatus, 'active'>): Promise<ClosedHold | undefined> {
    const [row] = await this.em.execute<Array<{ store_id: string; allocations: Allocation[]; lines: ReservationLine[] }>>(
      `update stock_hold set status = ?, closed_at = clock_timestamp()
        where hold_id = ? and status = 'active'
       returning store_id, allocations, lines`,
      [status, holdId],
    );
    return row && { holdId, storeId: row.store_id, allocations: row.allocations, lines: row.lines };
  }

  /**
   * Marks expired holds of any store as expired and returns them (the sweeper job). Holds another
   * transaction is committing or releasing are skipped rather than waited for.
   */
  async claimExpiredHolds(limit: number): Promise<ClosedHold[]> {
    const rows = await this.em.execute<Array<{ hold_id: string; store_id: string; allocations: Allocation[]; lines: ReservationLine[] }>>(
      `update stock_hold set status = 'expired', closed_at = clock_timestamp()
        where hold_id in (
          select hold_id from stock_hold
           where status = 'active' and expires_at <= now()
           order by expires_at limit ? for update skip locked)
       returning hold_id, store_id, allocations, lines`,
      [limit],
    );
    return rows.map((r) => ({ holdId: r.hold_id, storeId: r.store_id, allocations: r.allocations, lines: r.lines }));
  }

  /** Availability (on hand − reserved) per stock item, counting expired holds as released. */
  async availability(storeId: string, stockItemIds: readonly string[]): Promise<Map<string, number>> {
    const available = new Map<string, number>();
    if (stockItemIds.length === 0) return available;
    const rows = await this.em.execute<Array<{ stock_item_id: string; available: number }>>(
      `select l.stock_item_id, l.on_hand - l.reserved + coalesce(e.quantity, 0) as available
         from stock_level l left join (${EXPIRED_HOLDS_SQL}) e on e.stock_item_id = l.stock_item_id
        where l.store_id = ? and l.stock_item_id = any(?::uuid[])`,
      [storeId, storeId, uuidArray(stockItemIds)],
    );
    for (const row of rows) available.set(row.stock_item_id, row.available);
    return available;
  }
}
