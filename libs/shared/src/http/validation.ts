import { ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonError, FieldProblem } from '../errors';

/** Flattens class-validator's tree into `items.0.quantity: must be a positive integer`. */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, text]) => ({
      field,
      reason: rule === 'whitelistValidation' ? 'is not an allowed field' : stripProperty(text, error.property),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

function stripProperty(text: string, property: string): string {
  return text.startsWith(`${property} `) ? text.slice(property.length + 1) : text;
}

export function kassaValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => CommonError.validation(fieldProblems(errors)),
  });
}
