import type { AuthSession, SessionUser } from '../types';

const STORAGE_KEY = 'kassa.session';

/** What survives a page reload: both tokens and the signed-in user. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const isStoredSession = (value: unknown): value is StoredSession => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredSession>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null
  );
};

export const readSession = (): StoredSession | null => {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isStoredSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

export const writeSession = (session: AuthSession): void => {
  const stored: StoredSession = {
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    user: session.user,
  };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
};

export const updateSessionUser = (user: SessionUser): void => {
  const current = readSession();
  if (current === null) return;
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...current, user }));
};

export const clearSession = (): void => {
  localStorage.removeItem(STORAGE_KEY);
};
