import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useShowContext, useTranslate } from 'react-admin';
import { isApiErrorBody } from '../data/api-error';
import type { KassaDataProvider, OrderActionParams } from '../data/data-provider';
import type { OrderAction, OrderDetail } from '../types';

/** The API's error code (`PICKUP_CODE_INVALID`, …), when the error is one of its answers. */
export const apiErrorCode = (error: unknown): string | undefined =>
  error instanceof HttpError && isApiErrorBody(error.body) ? error.body.code : undefined;

export type OrderActionOutcome = { ok: true; order: OrderDetail } | { ok: false; code: string | undefined };

/**
 * Runs an order action, then reads the order again (its history and next actions change). Success
 * and failure are notified in the console's language; the caller may take over a failure with a
 * code of its own (the hand-over dialog shows a wrong code at its field).
 */
export const useOrderAction = () => {
  const dataProvider = useDataProvider<KassaDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const { refetch } = useShowContext<OrderDetail>();
  const [pending, setPending] = useState<OrderAction | null>(null);

  const run = async (params: OrderActionParams, handled: readonly string[] = []): Promise<OrderActionOutcome> => {
    setPending(params.action);
    try {
      const order = await dataProvider.orderAction(params);
      notify(`kassa.orders.done.${params.action}`, { type: 'success', messageArgs: { number: order.number } });
      return { ok: true, order };
    } catch (error) {
      const code = apiErrorCode(error);
      if (code === undefined || !handled.includes(code)) {
        const fallback = error instanceof Error ? error.message : translate('ra.notification.http_error');
        notify(code === undefined ? fallback : translate(`kassa.orders.errors.${code}`, { _: fallback }), { type: 'error' });
      }
      return { ok: false, code };
    } finally {
      setPending(null);
      // Also after a refusal: someone else may have moved the order on.
      await refetch();
    }
  };

  return { run, pending };
};
