import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useShowContext, useTranslate } from 'react-admin';
import { isApiErrorBody } from '../data/api-error';
import type { KassaDataProvider, OrderActionParams } from '../data/data-provider';
import type { OrderAction, OrderDetail } from '../types';

/** The API's error code (`PICKUP_CODE_INVALID`, …), when the error is one of its answers. */
export const apiErrorCode = (error: unknown): string | undefined =>
  error instanceof HttpError && isApiErrorBody(error.body) ? error.body.code : undefined;

export type OrderActionOutcome = { ok: true; order: OrderDetail } | { ok: false; code: string | undefined };

/** Runs one order action; failures whose code is in `handled` are left to the caller to show. */
export type RunOrderAction = (params: OrderActionParams, handled?: readonly string[]) => Promise<OrderActionOutcome>;

/**
 * Runs an order action and then `afterwards` (also after a refusal: someone else may have moved
 * the order on). Success and failure are notified in the console's language; the caller may take
 * over a failure with a code of its own (the hand-over dialog shows a wrong code at its field).
 */
export const useRunOrderAction = (afterwards: (outcome: OrderActionOutcome) => Promise<unknown> | void) => {
  const dataProvider = useDataProvider<KassaDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState<OrderAction | null>(null);

  const run: RunOrderAction = async (params, handled = []) => {
    setPending(params.action);
    let outcome: OrderActionOutcome;
    try {
      const order = await dataProvider.orderAction(params);
      notify(`kassa.orders.done.${params.action}`, { type: 'success', messageArgs: { number: order.number } });
      outcome = { ok: true, order };
    } catch (error) {
      const code = apiErrorCode(error);
      if (code === undefined || !handled.includes(code)) {
        const fallback = error instanceof Error ? error.message : translate('ra.notification.http_error');
        notify(code === undefined ? fallback : translate(`kassa.orders.errors.${code}`, { _: fallback }), { type: 'error' });
      }
      outcome = { ok: false, code };
    } finally {
      setPending(null);
    }
    await afterwards(outcome);
    return outcome;
  };

  return { run, pending };
};

/** On the order page: runs an action, then reads the order again (its history and next actions change). */
export const useOrderAction = () => {
  const { refetch } = useShowContext<OrderDetail>();
  return useRunOrderAction(() => refetch());
};
