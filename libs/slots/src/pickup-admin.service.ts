import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher } from '@kassa/platform';
import { StaffActor } from '@kassa/shared';
import { BusyMode } from './busy-mode.entity';
import { BusyModeDto, BusyModeResponse, DayLoadResponse, PickupScheduleDto, PickupScheduleResponse } from './dto/pickup-admin.dto';
import { slotGrid } from './engine/slot-engine';
import { windowProblems } from './engine/schedule-problems';
import { NO_LOAD } from './engine/slot-rules';
import { addDays, localDateTime, zonedInstant } from '@kassa/shared';
import { PickupConfigService } from './pickup-config.service';
import { DEFAULT_PICKUP_SETTINGS } from './pickup-defaults';
import { PickupSchedule } from './pickup-schedule.entity';
import { SlotLedger } from './slot-ledger.repository';
import { pickupBusyModeChanged } from './slots.events';
import { SlotsError } from './slots.errors';

/** The admin's side of pickup: weekly schedule, busy mode and a day's load per slot. */
@Injectable()
export class PickupAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: PickupConfigService,
    private readonly ledger: SlotLedger,
    private readonly events: EventPublisher,
  ) {}

  async schedule(storeId: string): Promise<PickupScheduleResponse> {
    const store = await this.config.store(storeId);
    const schedule = await this.em.findOne(PickupSchedule, { storeId });
    const d = DEFAULT_PICKUP_SETTINGS;
    return schedule
      ? scheduleResponse(schedule, store.timeZone)
      : {
          storeId,
          timezone: store.timeZone,
          configured: false,
          slotMinutes: d.slotMinutes,
          leadMinutes: d.leadMinutes,
          daysAhead: d.daysAhead,
          cutoffMinutes: d.cutoffMinutes,
          weeklyHours: d.weeklyHours,
          ...d.capacity,
        };
  }

  async updateSchedule(storeId: string, input: PickupScheduleDto): Promise<PickupScheduleResponse> {
    const store = await this.config.store(storeId);
    const problems = windowProblems(input.weeklyHours, 'weeklyHours', (w) => w.weekday);
    if (problems.length > 0) throw SlotsError.invalidSchedule(problems);
    const schedule = (await this.em.findOne(PickupSchedule, { storeId })) ?? Object.assign(new PickupSchedule(), { storeId });
    Object.assign(schedule, {
      slotMinutes: input.slotMinutes,
      leadMinutes: input.leadMinutes,
      daysAhead: input.daysAhead,
      cutoffMinutes: input.cutoffMinutes,
      weeklyHours: [...input.weeklyHours]
        .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
        .map(({ weekday, start, end }) => ({ weekday, start, end })),
      maxOrders: input.maxOrders ?? null,
      maxItems: input.maxItems ?? null,
      maxKitchenMinutes: input.maxKitchenMinutes ?? null,
    });
    this.em.persist(schedule);
    return scheduleResponse(schedule, store.timeZone);
  }

  async busyMode(storeId: string): Promise<BusyModeResponse> {
    await this.config.store(storeId);
    const busy = await this.em.findOne(BusyMode, { storeId });
    return busy ? busyResponse(busy) : { storeId, paused: false, delayMinutes: 0, updatedAt: null };
  }

  async setBusyMode(actor: StaffActor, storeId: string, input: BusyModeDto): Promise<BusyModeResponse> {
    await this.config.store(storeId);
    const busy = (await this.em.findOne(BusyMode, { storeId })) ?? Object.assign(new BusyMode(), { storeId });
    const changed = busy.paused !== input.paused || busy.delayMinutes !== input.delayMinutes;
    Object.assign(busy, { paused: input.paused, delayMinutes: input.delayMinutes, updatedBy: actor.userId, updatedAt: new Date() });
    this.em.persist(busy);
    if (changed) this.events.publish(pickupBusyModeChanged({ storeId, paused: input.paused, delayMinutes: input.delayMinutes, changedBy: actor.userId }));
    return busyResponse(busy);
  }

  /** Every slot of a local date with what is booked against its capacity: the calendar's day view. */
  async dayLoad(storeId: string, date?: string): Promise<DayLoadResponse> {
    const store = await this.config.store(storeId);
    const day = date ?? localDateTime(Date.now(), store.timeZone).date;
    const { rules, busy } = await this.config.load(storeId, store, day, day);
    const from = new Date(zonedInstant(day, 0, store.timeZone));
    const to = new Date(zonedInstant(addDays(day, 1), 0, store.timeZone));
    const [loads, holds] = await Promise.all([this.ledger.loads(storeId, from, to), this.ledger.holdCounts(storeId, from, to)]);
    return {
      date: day,
      timezone: store.timeZone,
      busy,
      slots: slotGrid(rules, day).map((slot) => ({
        start: slot.start,
        end: slot.end,
        booked: loads.get(slot.startMs) ?? NO_LOAD,
        capacity: slot.capacity,
        activeHolds: holds.get(slot.startMs)?.active ?? 0,
        confirmedHolds: holds.get(slot.startMs)?.confirmed ?? 0,
      })),
    };
  }
}

function scheduleResponse(s: PickupSchedule, timezone: string): PickupScheduleResponse {
  const { storeId, slotMinutes, leadMinutes, daysAhead, cutoffMinutes, weeklyHours, maxOrders, maxItems, maxKitchenMinutes } = s;
  return { storeId, timezone, configured: true, slotMinutes, leadMinutes, daysAhead, cutoffMinutes, weeklyHours, maxOrders, maxItems, maxKitchenMinutes };
}

function busyResponse(b: BusyMode): BusyModeResponse {
  return { storeId: b.storeId, paused: b.paused, delayMinutes: b.delayMinutes, updatedAt: b.updatedAt };
}
