import { AUTH_BASE } from '../api-paths';
import { describeApiError, isApiErrorBody } from '../data/api-error';
import type { AuthSession } from '../types';
import { clearSession, readSession, writeSession } from './session-store';

/** An auth call the API refused; `message` is the API's own, ready to show to the user. */
export class AuthRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AuthRequestError';
  }
}

const postJson = async (path: string, body: unknown): Promise<Response> =>
  fetch(`${AUTH_BASE}${path}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const failure = async (response: Response, fallback: string): Promise<AuthRequestError> => {
  const body: unknown = await response.json().catch(() => null);
  const message = isApiErrorBody(body) ? describeApiError(body) : fallback;
  return new AuthRequestError(message, response.status);
};

export const requestLogin = async (email: string, password: string): Promise<AuthSession> => {
  const response = await postJson('/login', { email, password });
  if (!response.ok) throw await failure(response, 'ra.auth.sign_in_error');
  const session = (await response.json()) as AuthSession;
  writeSession(session);
  return session;
};

export const requestLogout = async (): Promise<void> => {
  const session = readSession();
  clearSession();
  if (session === null) return;
  // Revoking the refresh token is best effort: the local session is gone either way.
  await postJson('/logout', { refreshToken: session.refreshToken }).catch(() => undefined);
};

const refreshOnce = async (): Promise<boolean> => {
  const session = readSession();
  if (session === null) return false;
  let response: Response;
  try {
    response = await postJson('/refresh', { refreshToken: session.refreshToken });
  } catch {
    return false;
  }
  if (!response.ok) {
    // A refused refresh token cannot become valid again; anything else may be transient.
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      clearSession();
    }
    return false;
  }
  writeSession((await response.json()) as AuthSession);
  return true;
};

let pendingRefresh: Promise<boolean> | null = null;

/** Exchanges the refresh token for new tokens; concurrent callers share one request. */
export const refreshSession = (): Promise<boolean> => {
  pendingRefresh ??= refreshOnce().finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
};
