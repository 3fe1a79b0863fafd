import type { ClockWindow, PickupSchedule, PickupScheduleInput, WeeklyWindow } from '../types';

/** ISO weekdays in the order the schedule form shows them: Monday (1) … Sunday (7). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The schedule as the form edits it: the API's flat `weeklyHours` grouped by weekday,
 * `days[0]` = Monday … `days[6]` = Sunday, each with its opening windows.
 */
export type PickupScheduleRecord = PickupSchedule & { id: string; days: { windows: ClockWindow[] }[] };

export const toScheduleRecord = (schedule: PickupSchedule): PickupScheduleRecord => ({
  ...schedule,
  id: schedule.storeId,
  days: WEEKDAYS.map((weekday) => ({
    windows: schedule.weeklyHours
      .filter((window) => window.weekday === weekday)
      .map(({ start, end }) => ({ start, end })),
  })),
});

/** Where each sent `weeklyHours[i]` came from in the form, to put the API's field errors back. */
type WindowOrigin = { day: number; index: number };

const capOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export const toScheduleInput = (
  data: Partial<PickupScheduleRecord>,
): { input: Partial<PickupScheduleInput>; origins: WindowOrigin[] } => {
  const origins: WindowOrigin[] = [];
  const weeklyHours: WeeklyWindow[] = [];
  (data.days ?? []).forEach((day, dayIndex) => {
    (day?.windows ?? []).forEach((window, index) => {
      origins.push({ day: dayIndex, index });
      weeklyHours.push({ weekday: WEEKDAYS[dayIndex], start: window?.start ?? '', end: window?.end ?? '' });
    });
  });
  return {
    input: {
      slotMinutes: data.slotMinutes,
      leadMinutes: data.leadMinutes,
      daysAhead: data.daysAhead,
      cutoffMinutes: data.cutoffMinutes,
      weeklyHours,
      maxOrders: capOrNull(data.maxOrders),
      maxItems: capOrNull(data.maxItems),
      maxKitchenMinutes: capOrNull(data.maxKitchenMinutes),
    },
    origins,
  };
};

/** `weeklyHours.3.end` (the API's name) → `days.1.windows.0.end` (the form's), else unchanged. */
export const toScheduleFormField = (field: string, origins: WindowOrigin[]): string => {
  const match = /^weeklyHours\.(\d+)(\..+)?$/.exec(field);
  const origin = match ? origins[Number(match[1])] : undefined;
  if (!match || !origin) return field;
  return `days.${origin.day}.windows.${origin.index}${match[2] ?? ''}`;
};
