import { Transform } from 'class-transformer';

export const CLOCK = /^([01]\d|2[0-4]):[0-5]\d$/;
export const CLOCK_MESSAGE = 'must be a time HH:MM (00:00–24:00)';
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = 'must be a date YYYY-MM-DD';

/** Query strings arrive as text; a number field takes one decimal integer, anything else stays invalid. */
export const ToInt = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value));
