import { registerDecorator, ValidationOptions } from 'class-validator';
import { barcodeProblem } from '../rules/barcode';

/** EAN-13, EAN-8 or UPC-A with a correct check digit; the message says what is wrong. */
export function IsBarcode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isBarcode',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && barcodeProblem(value) === undefined,
        defaultMessage: (args) => (typeof args?.value === 'string' ? barcodeProblem(args.value) ?? 'is not a barcode' : 'must be a barcode string of digits'),
      },
    });
  };
}

/** A calendar date YYYY-MM-DD that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
        defaultMessage: () => 'must be a date like 2026-11-23',
      },
    });
  };
}
