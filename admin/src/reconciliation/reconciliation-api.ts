import { ADMIN_BASE } from '../api-paths';
import { refreshSession } from '../auth/auth-api';
import { readSession } from '../auth/session-store';
import { httpClient } from '../data/http-client';

export type MismatchKind = 'missing_at_provider' | 'missing_in_kassa' | 'amount_differs' | 'refund_differs' | 'status_mismatch';

export interface SideTotals {
  captured: number;
  refunded: number;
  count: number;
}

export interface Mismatch {
  kind: MismatchKind;
  paymentId: string | null;
  orderId: string | null;
  orderNumber: string | null;
  kassaAmount: number | null;
  providerAmount: number | null;
  detail: string;
}

export interface ProviderReconciliation {
  method: string;
  kassa: SideTotals;
  provider: SideTotals | null;
  reachable: boolean;
  error: string | null;
  mismatches: Mismatch[];
}

export interface ReconciliationReport {
  storeId: string;
  date: string;
  timezone: string;
  providers: ProviderReconciliation[];
  totals: { kassa: SideTotals; provider: SideTotals; mismatches: number };
}

/** `GET /admin/stores/:storeId/reconciliation?date=`: one store's business day. */
export const reconciliationPath = (storeId: string, date: string): string =>
  `${ADMIN_BASE}/stores/${encodeURIComponent(storeId)}/reconciliation?date=${encodeURIComponent(date)}`;

export const fetchReconciliation = async (storeId: string, date: string): Promise<ReconciliationReport> =>
  (await httpClient(reconciliationPath(storeId, date))).json as ReconciliationReport;

const csvRequest = (storeId: string, date: string): Promise<Response> => {
  const session = readSession();
  return fetch(`${reconciliationPath(storeId, date)}&format=csv`, {
    headers: { Accept: 'text/csv', ...(session ? { Authorization: `Bearer ${session.accessToken}` } : {}) },
  });
};

/** Fetches the CSV with the session (refreshed once on a 401) and hands it to the browser as a download. */
export const downloadReconciliationCsv = async (storeId: string, date: string): Promise<void> => {
  let response = await csvRequest(storeId, date);
  if (response.status === 401 && (await refreshSession())) response = await csvRequest(storeId, date);
  if (!response.ok) throw new Error(`CSV download failed (${response.status})`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `kassa-reconciliation-${date}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};
