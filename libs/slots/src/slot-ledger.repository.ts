import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Capacity, Load } from './engine/slot-rules';
import type { SlotHoldStatus } from './slot-hold.entity';

export interface HoldRow extends Load {
  readonly holdId: string;
  readonly storeId: string;
  readonly slotStart: Date;
  readonly slotEnd: Date;
  readonly status: SlotHoldStatus;
  readonly expiresAt: Date;
}

interface RawHold {
  hold_id: string;
  store_id: string;
  slot_start: Date | string;
  slot_end: Date | string;
  status: SlotHoldStatus;
  orders: number;
  items: number;
  kitchen_minutes: number;
  expires_at: Date | string;
}

/**
 * What is booked per slot start in [from, to) (parameters: store id, from, to), not counting
 * active holds past their TTL that no sweep reached yet. Shared with the storefront's one-trip
 * read in PickupConfigService, so both count exactly alike.
 */
export const SLOT_LOADS_SQL = `select l.slot_start,
        l.orders - coalesce(x.orders, 0) as orders,
        l.items - coalesce(x.items, 0) as items,
        l.kitchen_minutes - coalesce(x.kitchen_minutes, 0) as kitchen_minutes
   from slot_load l
   left join lateral (
     select sum(h.orders)::int as orders, sum(h.items)::int as items, sum(h.kitchen_minutes)::int as kitchen_minutes
       from slot_hold h
      where h.store_id = l.store_id and h.slot_start = l.slot_start and h.status = 'active' and h.expires_at <= now()
   ) x on true
  where l.store_id = ? and l.slot_start >= ? and l.slot_start < ?`;

const HOLD_COLUMNS = 'hold_id, store_id, slot_start, slot_end, status, orders, items, kitchen_minutes, expires_at';

function holdOf(row: RawHold): HoldRow {
  return {
    holdId: row.hold_id,
    storeId: row.store_id,
    slotStart: new Date(row.slot_start),
    slotEnd: new Date(row.slot_end),
    status: row.status,
    orders: Number(row.orders),
    items: Number(row.items),
    kitchenMinutes: Number(row.kitchen_minutes),
    expiresAt: new Date(row.expires_at),
  };
}

/**
 * The SQL behind holds and slot loads. Every statement runs through the caller's EntityManager,
 * so inside the caller's transaction; nothing here opens one.
 */
@Injectable()
export class SlotLedger {
  constructor(private readonly em: EntityManager) {}

  /** Inserts an active hold; null when a hold with this id exists already. */
  async insertHold(
    holdId: string,
    storeId: string,
    slot: { start: Date; end: Date },
    load: Load,
    ttlSeconds: number,
  ): Promise<HoldRow | null> {
    const rows = await this.em.execute<RawHold[]>(
      `insert into slot_hold (hold_id, store_id, slot_start, slot_end, status, orders, items, kitchen_minutes, expires_at, created_at)
       values (?, ?, ?, ?, 'active', ?, ?, ?, now() + make_interval(secs => ?), now())
       on conflict (hold_id) do nothing
       returning ${HOLD_COLUMNS}`,
      [holdId, storeId, slot.start, slot.end, load.orders, load.items, load.kitchenMinutes, ttlSeconds],
    );
    return rows[0] ? holdOf(rows[0]) : null;
  }

  async deleteHold(holdId: string): Promise<void> {
    await this.em.execute('delete from slot_hold where hold_id = ?', [holdId], 'run');
  }

  async hold(holdId: string): Promise<HoldRow | null> {
    const rows = await this.em.execute<RawHold[]>(`select ${HOLD_COLUMNS} from slot_hold where hold_id = ?`, [holdId]);
    return rows[0] ? holdOf(rows[0]) : null;
  }

  /** Moves a hold from one of `from` to `to`, atomically; null when it was in none of them. */
  async moveHold(holdId: string, from: readonly SlotHoldStatus[], to: SlotHoldStatus): Promise<HoldRow | null> {
    const rows = await this.em.execute<RawHold[]>(
      `update slot_hold set status = ?, closed_at = case when ? in ('released', 'expired') then now() else closed_at end
        where hold_id = ? and status in (${from.map(() => '?').join(', ')})
        returning ${HOLD_COLUMNS}`,
      [to, to, holdId, ...from],
    );
    return rows[0] ? holdOf(rows[0]) : null;
  }

  /**
   * Adds `load` to the slot unless a cap would be passed: one upsert whose update is conditional,
   * so under concurrency PostgreSQL re-checks the caps against the latest row. The caller has
   * checked that the load fits an empty slot, which covers the insert.
   */
  async take(storeId: string, slotStart: Date, load: Load, capacity: Capacity): Promise<boolean> {
    const caps: string[] = [];
    const params: unknown[] = [storeId, slotStart, load.orders, load.items, load.kitchenMinutes];
    for (const [column, max] of [
      ['orders', capacity.maxOrders],
      ['items', capacity.maxItems],
      ['kitchen_minutes', capacity.maxKitchenMinutes],
    ] as const) {
      if (max === null) continue;
      caps.push(`slot_load.${column} + excluded.${column} <= ?`);
      params.push(max);
    }
    const rows = await this.em.execute<Array<{ orders: number }>>(
      `insert into slot_load (store_id, slot_start, orders, items, kitchen_minutes) values (?, ?, ?, ?, ?)
       on conflict (store_id, slot_start) do update
          set orders = slot_load.orders + excluded.orders,
              items = slot_load.items + excluded.items,
              kitchen_minutes = slot_load.kitchen_minutes + excluded.kitchen_minutes
        ${caps.length > 0 ? `where ${caps.join(' and ')}` : ''}
       returning orders`,
      params,
    );
    return rows.length > 0;
  }

  async give(storeId: string, slotStart: Date, load: Load): Promise<void> {
    await this.em.execute(
      `update slot_load set orders = orders - ?, items = items - ?, kitchen_minutes = kitchen_minutes - ?
        where store_id = ? and slot_start = ?`,
      [load.orders, load.items, load.kitchenMinutes, storeId, slotStart],
      'run',
    );
  }

  /**
   * Expires active holds past their TTL, of one slot or (storeId null) of any, and takes their
   * load off the slots in the same statement; holds another transaction has locked are left to
   * it. Returns how many holds expired.
   */
  async expire(scope: { storeId: string; slotStart: Date } | { limit: number }): Promise<number> {
    const which =
      'limit' in scope
        ? `select hold_id from slot_hold where status = 'active' and expires_at <= now()
            order by expires_at limit ? for update skip locked`
        : `select hold_id from slot_hold where store_id = ? and slot_start = ? and status = 'active' and expires_at <= now()
            order by hold_id for update skip locked`;
    const rows = await this.em.execute<Array<{ expired: number }>>(
      `with expired as (
         update slot_hold h set status = 'expired', closed_at = now()
          where h.hold_id in (${which}) and h.status = 'active'
          returning h.store_id, h.slot_start, h.orders, h.items, h.kitchen_minutes
       ), totals as (
         select store_id, slot_start, sum(orders)::int as orders, sum(items)::int as items,
                sum(kitchen_minutes)::int as kitchen_minutes, count(*)::int as holds
           from expired group by store_id, slot_start
       ), applied as (
         update slot_load l set orders = l.orders - t.orders, items = l.items - t.items,
                kitchen_minutes = l.kitchen_minutes - t.kitchen_minutes
           from totals t where l.store_id = t.store_id and l.slot_start = t.slot_start
          returning 1
       )
       select coalesce((select sum(holds) from totals), 0)::int as expired, (select count(*) from applied) as slots`,
      'limit' in scope ? [scope.limit] : [scope.storeId, scope.slotStart],
    );
    return Number(rows[0]?.expired ?? 0);
  }

  /** What is booked per slot start in [from, to), not counting holds past their TTL that no sweep reached yet. */
  async loads(storeId: string, from: Date, to: Date): Promise<Map<number, Load>> {
    const rows = await this.em.execute<Array<{ slot_start: Date | string; orders: number; items: number; kitchen_minutes: number }>>(
      SLOT_LOADS_SQL,
      [storeId, from, to],
    );
    return new Map(
      rows.map((r) => [
        new Date(r.slot_start).getTime(),
        { orders: Number(r.orders), items: Number(r.items), kitchenMinutes: Number(r.kitchen_minutes) },
      ]),
    );
  }

  /** Holds per slot start in [from, to), by status, for the admin's day view. */
  async holdCounts(storeId: string, from: Date, to: Date): Promise<Map<number, { active: number; confirmed: number }>> {
    const rows = await this.em.execute<Array<{ slot_start: Date | string; active: number; confirmed: number }>>(
      `select slot_start,
              count(*) filter (where status = 'active' and expires_at > now())::int as active,
              count(*) filter (where status = 'confirmed')::int as confirmed
         from slot_hold
        where store_id = ? and slot_start >= ? and slot_start < ? and status in ('active', 'confirmed')
        group by slot_start`,
      [storeId, from, to],
    );
    return new Map(rows.map((r) => [new Date(r.slot_start).getTime(), { active: Number(r.active), confirmed: Number(r.confirmed) }]));
  }
}
