import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { StoresService } from '@kassa/stores';
import { BusyState, Capacity, CapacityRule, DateException, Load, NOT_BUSY, PickupRules, WeeklyWindow } from './engine/slot-rules';
import { DEFAULT_PICKUP_SETTINGS } from './pickup-defaults';
import { SLOT_LOADS_SQL } from './slot-ledger.repository';

/** Everything the engine needs to judge a store's slots. */
export interface PickupConfig {
  readonly rules: PickupRules;
  readonly busy: BusyState;
  readonly acceptingOrders: boolean;
}

/** Reads a store's pickup configuration; a store nobody configured gets the defaults. */
@Injectable()
export class PickupConfigService {
  constructor(
    private readonly em: EntityManager,
    private readonly stores: StoresService,
  ) {}

  /** The store's time zone and whether it takes online orders; 404 for stores out of the caller's scope. */
  async store(storeId: string): Promise<{ timeZone: string; acceptingOrders: boolean }> {
    const store = await this.stores.getPublic(storeId);
    return { timeZone: store.timezone, acceptingOrders: store.takingOrders };
  }

  /**
   * The rules with the exceptions of local dates `from`…`to` (inclusive), in one round trip.
   * Callers have checked the store through `store()`, which applies the caller's scope.
   */
  async load(storeId: string, store: { timeZone: string; acceptingOrders: boolean }, from: string, to: string): Promise<PickupConfig> {
    const [row] = await this.em.execute<ConfigRow[]>(`select ${CONFIG_COLUMNS}`, configParams(storeId, from, to));
    return configOf(row, store);
  }

  /**
   * The storefront's read, on every slot list: `load()` and what is booked per slot start in
   * [slotsFrom, slotsTo) (as `SlotLedger.loads` counts it, expired holds not counted) in one
   * statement, so one round trip and one snapshot. Nothing of it is kept between requests.
   */
  async loadWithBookings(
    storeId: string,
    store: { timeZone: string; acceptingOrders: boolean },
    from: string,
    to: string,
    slotsFrom: Date,
    slotsTo: Date,
  ): Promise<{ config: PickupConfig; loads: Map<number, Load> }> {
    const [row] = await this.em.execute<Array<ConfigRow & { loads: unknown }>>(
      `select ${CONFIG_COLUMNS},
         (select coalesce(json_agg(json_build_array((extract(epoch from b.slot_start) * 1000)::bigint, b.orders, b.items, b.kitchen_minutes)), '[]')
            from (${SLOT_LOADS_SQL}) b) as loads`,
      [...configParams(storeId, from, to), storeId, slotsFrom, slotsTo],
    );
    const loads = new Map<number, Load>();
    for (const [startMs, orders, items, kitchenMinutes] of parse<Array<[number, number, number, number]>>(row?.loads ?? '[]')) {
      loads.set(Number(startMs), { orders: Number(orders), items: Number(items), kitchenMinutes: Number(kitchenMinutes) });
    }
    return { config: configOf(row, store), loads };
  }
}

const CONFIG_COLUMNS = `
   (select json_build_object('slotMinutes', s.slot_minutes, 'leadMinutes', s.lead_minutes, 'daysAhead', s.days_ahead,
           'cutoffMinutes', s.cutoff_minutes, 'weeklyHours', s.weekly_hours, 'maxOrders', s.max_orders,
           'maxItems', s.max_items, 'maxKitchenMinutes', s.max_kitchen_minutes)
      from pickup_schedule s where s.store_id = ?) as schedule,
   (select json_build_object('paused', b.paused, 'delayMinutes', b.delay_minutes)
      from busy_mode b where b.store_id = ?) as busy,
   (select coalesce(json_agg(json_build_object('date', to_char(e.date, 'YYYY-MM-DD'), 'closed', e.closed, 'windows', e.windows)), '[]')
      from pickup_exception e where e.store_id = ? and e.date between ?::date and ?::date) as exceptions,
   (select coalesce(json_agg(json_build_object('weekday', r.weekday, 'date', to_char(r.date, 'YYYY-MM-DD'), 'start', r.start,
           'end', r."end", 'maxOrders', r.max_orders, 'maxItems', r.max_items, 'maxKitchenMinutes', r.max_kitchen_minutes)
           order by r.created_at, r.id), '[]')
      from capacity_rule r where r.store_id = ? and (r.date is null or r.date between ?::date and ?::date)) as rules`;

function configParams(storeId: string, from: string, to: string): unknown[] {
  return [storeId, storeId, storeId, from, to, storeId, from, to];
}

function configOf(row: ConfigRow | undefined, store: { timeZone: string; acceptingOrders: boolean }): PickupConfig {
  const schedule = parse<ScheduleJson | null>(row?.schedule ?? null);
  const settings = schedule
    ? {
        slotMinutes: schedule.slotMinutes,
        leadMinutes: schedule.leadMinutes,
        daysAhead: schedule.daysAhead,
        cutoffMinutes: schedule.cutoffMinutes,
        weeklyHours: schedule.weeklyHours,
        capacity: { maxOrders: schedule.maxOrders, maxItems: schedule.maxItems, maxKitchenMinutes: schedule.maxKitchenMinutes },
      }
    : DEFAULT_PICKUP_SETTINGS;
  return {
    rules: {
      timeZone: store.timeZone,
      ...settings,
      exceptions: parse<DateException[]>(row?.exceptions ?? '[]'),
      capacityRules: parse<CapacityRule[]>(row?.rules ?? '[]'),
    },
    busy: parse<BusyState | null>(row?.busy ?? null) ?? NOT_BUSY,
    acceptingOrders: store.acceptingOrders,
  };
}

interface ScheduleJson extends Capacity {
  slotMinutes: number;
  leadMinutes: number;
  daysAhead: number;
  cutoffMinutes: number;
  weeklyHours: WeeklyWindow[];
}

interface ConfigRow {
  schedule: unknown;
  busy: unknown;
  exceptions: unknown;
  rules: unknown;
}

/** json columns arrive parsed from PostgreSQL and as text from some drivers. */
function parse<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
