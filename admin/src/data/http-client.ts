import { fetchUtils, HttpError } from 'react-admin';
import { refreshSession } from '../auth/auth-api';
import { readSession } from '../auth/session-store';
import { toAdminError } from './api-error';

type FetchResult = Awaited<ReturnType<typeof fetchUtils.fetchJson>>;

const send = (url: string, options: fetchUtils.Options): Promise<FetchResult> => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const session = readSession();
  if (session !== null) headers.set('Authorization', `Bearer ${session.accessToken}`);
  return fetchUtils.fetchJson(url, { ...options, headers });
};

/**
 * fetchJson with the access token; on a 401 it refreshes the session once and retries, so an
 * expired access token never reaches the user. Kassa error bodies become react-admin errors.
 */
export const httpClient = async (
  url: string,
  options: fetchUtils.Options = {},
): Promise<FetchResult> => {
  try {
    return await send(url, options);
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401) throw toAdminError(error);
  }
  if (!(await refreshSession())) {
    throw new HttpError('ra.notification.logged_out', 401);
  }
  try {
    return await send(url, options);
  } catch (error) {
    throw toAdminError(error);
  }
};
