import { useCallback, useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import { refreshSession } from '../auth/auth-api';
import { readSession } from '../auth/session-store';
import type { OrderBoardEvent, PrinterStatusEvent } from '../types';

/** The Socket.IO namespace stations and staff boards share; staff join their store's room. */
export const STATIONS_NAMESPACE = '/stations';

/** After a refused handshake: wait this long, doubling up to the maximum, before trying again. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/** True when the session's access token has run out (or will within seconds): the handshake would be refused. */
const accessTokenExpired = (): boolean => {
  const token = readSession()?.accessToken;
  const payload = token?.split('.')[1];
  if (payload === undefined) return false;
  try {
    const { exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof exp === 'number' && exp * 1000 < Date.now() + 10_000;
  } catch {
    return false;
  }
};

/** `live`: events arrive; `offline`: the socket is not connected (callers fall back to polling). */
export type LiveState = 'connecting' | 'live' | 'offline';

export interface StoreEventHandlers {
  order?: (event: OrderBoardEvent) => void;
  printerStatus?: (event: PrinterStatusEvent) => void;
  stationStatus?: (event: PrinterStatusEvent) => void;
  /** After every connect and reconnect: whatever happened while away has to be read again. */
  connected?: () => void;
}

/**
 * Joins the store's room of the `/stations` namespace with the staff session's access token and
 * calls the handlers for its events. Socket.IO reconnects by itself after a lost connection; after
 * a refused handshake this tries again with a growing pause, refreshing the session first when
 * its access token has run out.
 */
export const useStoreEvents = (storeId: string, handlers: StoreEventHandlers): LiveState => {
  const latest = useRef(handlers);
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    setState('connecting');
    const socket = io(STATIONS_NAMESPACE, {
      // A function, so a reconnect sends the access token as it is then, not as it was.
      auth: (send) => send({ jwt: readSession()?.accessToken ?? '', storeId }),
      reconnectionDelayMax: 10_000,
      // WebSocket first: it stays on the process it reached, where long-polling's requests would
      // be spread over an api run as several processes (KASSA_PROCESSES) or replicas without
      // sticky sessions. Polling remains for networks that block WebSocket.
      transports: ['websocket', 'polling'],
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = RETRY_FIRST_MS;
    let closed = false;
    const retryLater = () => {
      clearTimeout(retry);
      retry = setTimeout(() => {
        void (accessTokenExpired() ? refreshSession() : Promise.resolve(true)).finally(() => {
          if (!closed && !socket.connected) socket.connect();
        });
      }, pause);
      pause = Math.min(pause * 2, RETRY_MAX_MS);
    };

    socket.on('connect', () => {
      pause = RETRY_FIRST_MS;
      setState('live');
      latest.current.connected?.();
    });
    socket.on('disconnect', (reason) => {
      setState('offline');
      // The server ended the session (e.g. the token ran out); Socket.IO does not retry that by itself.
      if (reason === 'io server disconnect') retryLater();
    });
    socket.on('connect_error', () => {
      setState('offline');
      if (!socket.active) retryLater();
    });
    socket.on('order', (event: OrderBoardEvent) => latest.current.order?.(event));
    socket.on('printer-status', (event: PrinterStatusEvent) => latest.current.printerStatus?.(event));
    socket.on('station-status', (event: PrinterStatusEvent) => latest.current.stationStatus?.(event));

    return () => {
      closed = true;
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [storeId]);

  return state;
};

/**
 * Runs `callback` at most once per `ms`, after the last of a burst of calls: a station printing a
 * rush of orders reports after every job, and each report need not cost a request.
 */
export const useCoalesced = (callback: () => void, ms: number): (() => void) => {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, ms);
  }, [ms]);
};
