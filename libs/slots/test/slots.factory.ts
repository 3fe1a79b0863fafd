import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy } from '@kassa/shared';
import { BusyMode } from '../src/busy-mode.entity';
import { CapacityRuleEntity } from '../src/capacity-rule.entity';
import { addDays, formatInZone, localDateTime, zonedInstant } from '@kassa/shared';
import { PickupSchedule } from '../src/pickup-schedule.entity';

export const TZ = 'Europe/Stockholm';

/** An unscoped entity manager for system work in tests. */
export function systemEm(orm: MikroORM): EntityManager {
  const em = orm.em.fork() as EntityManager;
  applyTenancy(em, 'unscoped');
  return em;
}

/** A Stockholm date `days` from today. */
export function localDate(days: number): string {
  return addDays(localDateTime(Date.now(), TZ).date, days);
}

/** `2026-06-02T12:00:00+02:00` for a local date and clock time. */
export function slotAt(date: string, clock: string): string {
  const [h, m] = clock.split(':').map(Number);
  return formatInZone(zonedInstant(date, h * 60 + m, TZ), TZ);
}

/** Open round the clock, 30-minute slots, no lead time; override what the scenario is about. */
export async function configurePickup(orm: MikroORM, storeId: string, overrides: Partial<PickupSchedule> = {}): Promise<void> {
  const em = systemEm(orm);
  const schedule = (await em.findOne(PickupSchedule, { storeId })) ?? em.create(PickupSchedule, {
    storeId,
    slotMinutes: 30,
    leadMinutes: 0,
    daysAhead: 14,
    cutoffMinutes: 0,
    weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    maxOrders: null,
    maxItems: null,
    maxKitchenMinutes: null,
    updatedAt: new Date(),
  });
  Object.assign(schedule, overrides);
  await em.persist(schedule).flush();
}

export async function addCapacityRule(orm: MikroORM, storeId: string, rule: Partial<CapacityRuleEntity>): Promise<void> {
  const em = systemEm(orm);
  em.create(CapacityRuleEntity, { storeId, start: '00:00', end: '24:00', createdAt: new Date(), weekday: null, date: null, ...rule });
  await em.flush();
}

export async function setBusy(orm: MikroORM, storeId: string, paused: boolean, delayMinutes: number): Promise<void> {
  const em = systemEm(orm);
  const busy = (await em.findOne(BusyMode, { storeId })) ?? Object.assign(new BusyMode(), { storeId });
  Object.assign(busy, { paused, delayMinutes });
  await em.persist(busy).flush();
}
