import { HttpError } from 'react-admin';
import type { ApiErrorBody, ApiErrorDetail } from '../types';

export const isApiErrorBody = (value: unknown): value is ApiErrorBody => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiErrorBody>;
  return typeof candidate.message === 'string' && typeof candidate.statusCode === 'number';
};

const detailsOf = (body: ApiErrorBody): ApiErrorDetail[] =>
  Array.isArray(body.details)
    ? body.details.filter(
        (detail): detail is ApiErrorDetail =>
          typeof detail?.field === 'string' && typeof detail?.reason === 'string',
      )
    : [];

/** One line for a notification: the API's message, plus any field reason it does not already say. */
export const describeApiError = (body: ApiErrorBody): string => {
  const missing = detailsOf(body)
    .filter(({ reason }) => !body.message.includes(reason))
    .map(({ field, reason }) => (field ? `${field}: ${reason}` : reason));
  return missing.length === 0 ? body.message : `${body.message} (${missing.join('; ')})`;
};

/**
 * Turns a Kassa error body into the HttpError react-admin understands: `message` is shown in the
 * notification, and `body.errors` marks each named field of the form (react-admin's server-side
 * validation), with `root.serverError` as the notification text.
 */
export const toAdminError = (error: unknown): unknown => {
  if (!(error instanceof HttpError) || !isApiErrorBody(error.body)) return error;
  const body = error.body;
  const message = describeApiError(body);
  const details = detailsOf(body);
  if (details.length === 0) return new HttpError(message, error.status, body);

  const errors: Record<string, unknown> = { root: { serverError: message } };
  for (const { field, reason } of details) {
    if (!field) continue;
    const previous = errors[field];
    errors[field] = typeof previous === 'string' ? `${previous}; ${reason}` : reason;
  }
  return new HttpError(message, error.status, { ...body, errors });
};
