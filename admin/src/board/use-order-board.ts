import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { KassaDataProvider } from '../data/data-provider';
import { useCoalesced, useStoreEvents, type LiveState } from '../stations';
import type { OrderBoardEvent, OrderDetail, OrderSummary, Printer, PrinterStatusEvent, PrintJob } from '../types';
import { BOARD_STATUSES, fromDetail, fromEvent, fromSummary, isOnBoard, type BoardOrder } from './board-orders';

/** Without the socket the board asks again this often. */
export const BOARD_POLL_MS = 5_000;

/** Printer and station reports within this long cost one read of the printing status. */
const PRINTING_COALESCE_MS = 2_000;

type Orders = Record<string, BoardOrder>;

/** A printer the board warns about. */
export interface PrinterAlert {
  id: string;
  name: string;
  online: boolean;
  lastError: string | null;
}

export interface OrderBoard {
  orders: BoardOrder[];
  loaded: boolean;
  live: LiveState;
  printers: PrinterAlert[];
  heldJobs: number;
  /** Puts an order as an action answered it (or takes it off the board). */
  applyDetail: (detail: OrderDetail) => void;
  /** Reads one order again, e.g. after a refused action. */
  refreshOrder: (orderId: string) => Promise<void>;
}

const without = (orders: Orders, id: string): Orders => {
  if (!(id in orders)) return orders;
  const { [id]: _gone, ...rest } = orders;
  return rest;
};

/**
 * The active orders of a store, kept current by the `/stations` socket: every (re)connect reads
 * them again, each `order` event moves one. While the socket is down the board asks every 5 s.
 * Mount it per store (keyed by the store's id).
 */
export const useOrderBoard = (storeId: string): OrderBoard => {
  const dataProvider = useDataProvider<KassaDataProvider>();
  // Every change goes through the ref first, so event handlers and answers never work on an old copy.
  const current = useRef<Orders>({});
  const [orders, setOrders] = useState<Orders>({});
  const [loaded, setLoaded] = useState(false);
  const [printers, setPrinters] = useState<Record<string, PrinterAlert>>({});
  const [heldJobs, setHeldJobs] = useState(0);

  const commit = useCallback((change: (before: Orders) => Orders) => {
    current.current = change(current.current);
    setOrders(current.current);
  }, []);

  const applyDetail = useCallback(
    (detail: OrderDetail) => {
      if (detail.storeId !== storeId) return;
      commit((before) => (isOnBoard(detail) ? { ...before, [detail.id]: fromDetail(detail) } : without(before, detail.id)));
    },
    [commit, storeId],
  );

  const refreshOrder = useCallback(
    async (orderId: string) => {
      try {
        const { data } = await dataProvider.getOne<OrderDetail>('orders', { id: orderId });
        applyDetail(data);
      } catch {
        // The next reload tries again.
      }
    },
    [dataProvider, applyDetail],
  );

  const reloadPrinting = useCallback(async () => {
    try {
      const [printerList, held] = await Promise.all([
        dataProvider.getList<Printer>('printers', { filter: { storeId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } }),
        dataProvider.getList<PrintJob>('print-jobs', {
          filter: { storeId, status: ['held'] },
          pagination: { page: 1, perPage: 1 },
          sort: { field: '', order: 'ASC' },
        }),
      ]);
      setPrinters(
        Object.fromEntries(printerList.data.map(({ id, name, online, lastError }) => [id, { id, name, online, lastError }])),
      );
      setHeldJobs(held.total ?? held.data.length);
    } catch {
      // Printing is optional for the board; orders still show.
    }
  }, [dataProvider, storeId]);

  const reloadPrintingSoon = useCoalesced(() => void reloadPrinting(), PRINTING_COALESCE_MS);

  const reload = useCallback(async () => {
    void reloadPrinting();
    let list: OrderSummary[];
    try {
      ({ data: list } = await dataProvider.getList<OrderSummary>('orders', {
        filter: { storeId, status: [...BOARD_STATUSES] },
        pagination: { page: 1, perPage: 200 },
        sort: { field: 'pickupStart', order: 'ASC' },
      }));
    } catch {
      return;
    }
    const shown = list.filter(isOnBoard);
    const before = current.current;
    const next: Orders = {};
    for (const summary of shown) next[summary.id] = fromSummary(summary, before[summary.id]);
    commit(() => next);
    setLoaded(true);
    // Lines and allowed steps come with the detail; read it where it is missing or out of date.
    const stale = shown.filter((summary) => before[summary.id]?.detail?.status !== summary.status);
    await Promise.all(stale.map((summary) => refreshOrder(summary.id)));
  }, [dataProvider, storeId, commit, refreshOrder, reloadPrinting]);

  const onOrder = useCallback(
    (event: OrderBoardEvent) => {
      if (event.storeId !== storeId) return;
      if (!isOnBoard(event)) {
        commit((before) => without(before, event.orderId));
        return;
      }
      commit((before) => ({ ...before, [event.orderId]: fromEvent(event, before[event.orderId]) }));
      void refreshOrder(event.orderId);
    },
    [commit, refreshOrder, storeId],
  );

  const onPrinterStatus = useCallback(
    (event: PrinterStatusEvent) => {
      const { printerId } = event;
      if (printerId !== undefined && typeof event.online === 'boolean') {
        const online = event.online;
        setPrinters((before) => ({
          ...before,
          [printerId]: {
            id: printerId,
            name: event.name ?? before[printerId]?.name ?? '',
            online,
            lastError: event.lastError ?? (online ? null : (before[printerId]?.lastError ?? null)),
          },
        }));
      }
      reloadPrintingSoon();
    },
    [reloadPrintingSoon],
  );

  const live = useStoreEvents(storeId, {
    order: onOrder,
    printerStatus: onPrinterStatus,
    stationStatus: reloadPrintingSoon,
    connected: () => void reload(),
  });

  // Until the socket is up (and whenever it is down) the board reads the orders itself.
  useEffect(() => {
    if (live === 'live') return undefined;
    void reload();
    const timer = setInterval(() => void reload(), BOARD_POLL_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  return {
    orders: Object.values(orders),
    loaded,
    live,
    printers: Object.values(printers),
    heldJobs,
    applyDetail,
    refreshOrder,
  };
};
