import type { OrderAction } from './types';

/** Same origin as the console: the API serves /admin, and Vite's dev server proxies /api. */
export const API_BASE = '/api/v1';
export const AUTH_BASE = `${API_BASE}/auth`;
export const ADMIN_BASE = `${API_BASE}/admin`;

/** `POST /admin/orders/:id/<action>`: the action in the path is kebab-case (`hand_over` → `hand-over`). */
export const orderActionPath = (orderId: string, action: OrderAction): string =>
  `/orders/${encodeURIComponent(orderId)}/${action.replace(/_/g, '-')}`;

/** `GET /admin/orders/:id/payments` (with their logs) and `POST /admin/orders/:id/refunds`. */
export const orderPaymentsPath = (orderId: string): string => `/orders/${encodeURIComponent(orderId)}/payments`;
export const orderRefundsPath = (orderId: string): string => `/orders/${encodeURIComponent(orderId)}/refunds`;

/** `POST /admin/notifications/:id/resend`: sends a logged notification again as a new one. */
export const notificationResendPath = (notificationId: string): string =>
  `/notifications/${encodeURIComponent(notificationId)}/resend`;

/** `DELETE` restores Kassa's default text; `PUT` saves the organisation's own. */
export const notificationTemplatePath = (templateId: string): string =>
  `/notification-templates/${encodeURIComponent(templateId)}`;

/** Renders a template (saved or not) with sample data. */
export const NOTIFICATION_PREVIEW_PATH = '/notification-templates/preview';

/** One per organisation: SMS provider and the channels customers are messaged on. */
export const NOTIFICATION_SETTINGS_PATH = '/notification-settings';

/** `POST /admin/stations/:id/rotate-token|revoke`. */
export const stationActionPath = (stationId: string, action: 'rotate-token' | 'revoke'): string =>
  `/stations/${encodeURIComponent(stationId)}/${action}`;

/** `POST /admin/printers/:id/test-print`. */
export const testPrintPath = (printerId: string): string => `/printers/${encodeURIComponent(printerId)}/test-print`;

/** A CloudPRNT printer's new URL. */
export const printerRotateTokenPath = (printerId: string): string => `/printers/${encodeURIComponent(printerId)}/rotate-token`;

/** `GET …/preview`; `POST …/reprint|release|reroute`. */
export const printJobPath = (jobId: string, action: 'preview' | 'reprint' | 'release' | 'reroute'): string =>
  `/print-jobs/${encodeURIComponent(jobId)}/${action}`;
