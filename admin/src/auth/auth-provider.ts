import type { AuthProvider } from 'react-admin';
import { AUTH_BASE } from '../api-paths';
import { httpClient } from '../data/http-client';
import type { SessionUser } from '../types';
import { requestLogin, requestLogout } from './auth-api';
import { readSession, updateSessionUser } from './session-store';

interface LoginParams {
  email: string;
  password: string;
}

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;

export const authProvider: AuthProvider = {
  login: async ({ email, password }: LoginParams) => {
    await requestLogin(email, password);
  },

  logout: async () => {
    await requestLogout();
  },

  // Not being signed in yet is no error to announce: the login page says what to do, and
  // react-admin otherwise leaves "Please login to continue" on screen after signing in.
  checkAuth: async () => {
    if (readSession() === null) throw { message: false };
  },

  // The http client has already tried to refresh; a 401 here means the session is over.
  // A 403 only means this user may not do that, so stay signed in.
  checkError: async (error: unknown) => {
    if (statusOf(error) === 401) throw new Error('ra.notification.logged_out');
  },

  getIdentity: async () => {
    const session = readSession();
    if (session === null) throw new Error('ra.auth.auth_check_error');
    try {
      const { json } = await httpClient(`${AUTH_BASE}/me`);
      const user = json as SessionUser;
      updateSessionUser(user);
      return { id: user.id, fullName: user.name };
    } catch {
      return { id: session.user.id, fullName: session.user.name };
    }
  },

  getPermissions: async () => readSession()?.user.role,
};
