import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';

/**
 * A button's action that asks first (a react-admin `Confirm`): `ask` opens the question,
 * `confirm` runs the action, closes the question and refreshes the page; a failure is shown
 * as a notification and leaves the question open.
 */
export function useConfirmedAction(action: () => Promise<void>) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await action();
      setAsking(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { asking, busy, ask: () => setAsking(true), cancel: () => setAsking(false), confirm: () => void run() };
}
