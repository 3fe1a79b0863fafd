import type { PickupSlot, PickupSlots } from '../api/types';
import { h } from '../dom';
import { clock, dayName, localDate } from '../format';
import { t } from '../i18n';

/** What the customer chose; kept by the checkout across re-renders. */
export interface PickupChoice {
  mode: 'asap' | 'slot' | null;
  day: string;
  slotStart: string;
}

function slotsByDay(slots: readonly PickupSlot[], timeZone: string): Map<string, PickupSlot[]> {
  const days = new Map<string, PickupSlot[]>();
  for (const slot of slots) {
    const day = localDate(slot.start, timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return days;
}

function dayLabel(day: string, timeZone: string): string {
  const today = localDate(new Date(), timeZone);
  const tomorrow = localDate(new Date(Date.now() + 86_400_000), timeZone);
  const prefix = day === today ? `${t().today}, ` : day === tomorrow ? `${t().tomorrow}, ` : '';
  return `${prefix}${dayName(day)}`;
}

/**
 * ASAP, or a day and one of its slots. Slots the cart does not fit are shown but disabled, so the
 * customer sees the day's shape; a paused store or a busy delay is said plainly above them.
 */
export function pickupPicker(slots: PickupSlots, choice: PickupChoice, onChange: () => void): HTMLFieldSetElement {
  const { timezone } = slots;
  const days = slotsByDay(slots.slots, timezone);
  const bookableDays = [...days].filter(([, daySlots]) => daySlots.some((slot) => slot.available)).map(([day]) => day);
  const today = localDate(new Date(), timezone);
  const asapPossible = !slots.busy.paused && slots.earliest !== null && localDate(slots.earliest, timezone) === today;
  if (choice.mode === 'asap' && !asapPossible) choice.mode = null;
  if (!days.has(choice.day)) choice.day = bookableDays[0] ?? [...days.keys()][0] ?? today;
  const stillFree = slots.slots.some((slot) => slot.start === choice.slotStart && slot.available);
  if (!stillFree) choice.slotStart = '';

  const modeRadio = (mode: 'asap' | 'slot', label: string, disabled: boolean, hint: string | null) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        type: 'radio',
        name: 'pickup-mode',
        value: mode,
        checked: choice.mode === mode,
        disabled,
        onchange: () => {
          choice.mode = mode;
          onChange();
        },
      }),
      label,
      hint ? h('span', { class: 'muted small' }, ` ${hint}`) : null,
    );

  const daySelect = h(
    'select',
    {
      id: 'pickup-day',
      name: 'pickup-day',
      onchange: (event: Event) => {
        choice.day = (event.target as HTMLSelectElement).value;
        choice.slotStart = '';
        onChange();
      },
    },
    ...[...days.keys()].map((day) => h('option', { value: day, selected: day === choice.day }, dayLabel(day, timezone))),
  );
  const daySlots = days.get(choice.day) ?? [];
  const times = h(
    'fieldset',
    { class: 'slot-grid' },
    h('legend', {}, t().chooseTime),
    ...(daySlots.some((slot) => slot.available) ? [] : [h('p', { class: 'muted' }, t().noSlots)]),
    ...daySlots.map((slot) =>
      h(
        'label',
        { class: `slot${slot.available ? '' : ' slot-off'}` },
        h('input', {
          type: 'radio',
          name: 'pickup-slot',
          value: slot.start,
          disabled: !slot.available,
          checked: slot.start === choice.slotStart,
          onchange: () => {
            choice.mode = 'slot';
            choice.slotStart = slot.start;
          },
        }),
        clock(slot.start, timezone),
        slot.available ? null : h('span', { class: 'sr-only' }, ` (${t().slotFull})`),
      ),
    ),
  );

  return h(
    'fieldset',
    { class: 'card', id: 'pickup', tabindex: -1 },
    h('legend', {}, t().pickupTime),
    slots.busy.paused ? h('p', { class: 'notice notice-warning' }, t().paused) : null,
    !slots.busy.paused && slots.busy.delayMinutes > 0 ? h('p', { class: 'notice' }, t().busyDelay(slots.busy.delayMinutes)) : null,
    modeRadio('asap', t().asap, !asapPossible, asapPossible && slots.earliest ? t().asapHint(clock(slots.earliest, timezone)) : null),
    modeRadio('slot', t().chooseTime, bookableDays.length === 0 || slots.busy.paused, null),
    choice.mode === 'slot' ? h('div', { class: 'field' }, h('label', { for: 'pickup-day' }, t().day), daySelect) : null,
    choice.mode === 'slot' ? times : null,
  );
}
