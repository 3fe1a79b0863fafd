/** Same origin as the console: the API serves /admin, and Vite's dev server proxies /api. */
export const API_BASE = '/api/v1';
export const AUTH_BASE = `${API_BASE}/auth`;
export const ADMIN_BASE = `${API_BASE}/admin`;
