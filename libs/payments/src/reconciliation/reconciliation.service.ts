import { Injectable, Logger } from '@nestjs/common';
import { addDays, isCalendarDate, localDateTime, zonedInstant } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { PaymentsError } from '../payments.errors';
import { PAYMENT_METHODS, PaymentMethod, PaymentStatus } from '../payments.types';
import { PaymentProviders } from '../providers/payment-providers';
import { ReconciledPaymentRow, ReconciliationRepository } from './reconciliation.repository';
import type {
  DayRange,
  Mismatch,
  MismatchKind,
  ProviderAmounts,
  ProviderReconciliation,
  ProviderSettlement,
  ReconciledPayment,
  ReconciliationOrder,
  ReconciliationOrders,
  ReconciliationReport,
  SideTotals,
} from './reconciliation.types';

const NOTHING: ProviderAmounts = { captured: 0, refunded: 0 };
/** Payment statuses in which the customer's money is (or was) with the store. */
const MONEY_TAKEN: readonly PaymentStatus[] = ['captured', 'partially_refunded', 'refunded'];
/** Order statuses that say the order is paid for; picked up means the money must have been taken. */
const ORDER_PAID = ['paid', 'accepted', 'preparing', 'ready'];
const ORDER_ENDED_UNPAID = ['cancelled', 'expired'];

/**
 * End-of-day reconciliation per store and provider: what Kassa's ledger says was captured and
 * refunded in the store's business day, against what each provider says (asked through the
 * adapter's optional `settled`), with the orders the money belongs to. Reads only; providers are
 * asked outside any transaction, and one that cannot be asked is reported as unreachable.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  private orders: ReconciliationOrders | null = null;

  constructor(
    private readonly repository: ReconciliationRepository,
    private readonly providers: PaymentProviders,
    private readonly stores: StoresService,
  ) {}

  /** Orders registers its reads at init. */
  useOrders(orders: ReconciliationOrders): void {
    this.orders = orders;
  }

  /**
   * The report for a store's business day (today where the store is when left out). 404 for a
   * store outside the caller's scope; RECONCILIATION_DATE_INVALID (400) for a date that is not one.
   */
  async report(storeId: string, date?: string): Promise<ReconciliationReport> {
    const store = await this.stores.get(storeId);
    if (date !== undefined && !isCalendarDate(date)) throw PaymentsError.reconciliationDateInvalid();
    const day = date ?? localDateTime(Date.now(), store.timezone).date;
    const range: DayRange = {
      from: new Date(zonedInstant(day, 0, store.timezone)),
      to: new Date(zonedInstant(addDays(day, 1), 0, store.timezone)),
    };
    const movements = new Map((await this.repository.movements(storeId, range)).map((m) => [m.paymentId, m]));
    const dayOrders = this.orders ? await this.orders.ordersOfDay(storeId, day) : [];
    const ids = new Set([...movements.keys(), ...dayOrders.flatMap((o) => (o.paymentId ? [o.paymentId] : []))]);
    const rows = await this.repository.payments(storeId, [...ids]);
    const orders = await this.ordersOf(rows, dayOrders);

    const providers: ProviderReconciliation[] = [];
    for (const method of PAYMENT_METHODS) {
      const ofMethod = rows.filter((r) => r.method === method);
      const adapter = this.providers.find(method);
      const asked = adapter?.settled !== undefined && (ofMethod.length > 0 || (await adapter.offeredAt(storeId)));
      if (ofMethod.length === 0 && !asked) continue;
      providers.push(await this.reconcile(method, storeId, ofMethod, movements, orders, range));
    }
    const sum = (pick: (p: ProviderReconciliation) => SideTotals | null): SideTotals =>
      providers.reduce(
        (total, p) => {
          const side = pick(p);
          return side ? { captured: total.captured + side.captured, refunded: total.refunded + side.refunded, count: total.count + side.count } : total;
        },
        { captured: 0, refunded: 0, count: 0 },
      );
    return {
      storeId,
      date: day,
      timezone: store.timezone,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      providers,
      totals: { kassa: sum((p) => p.kassa), provider: sum((p) => p.provider), mismatches: providers.reduce((n, p) => n + p.mismatches.length, 0) },
    };
  }

  private async reconcile(
    method: PaymentMethod,
    storeId: string,
    rows: ReconciledPaymentRow[],
    movements: ReadonlyMap<string, { captured: number; refunded: number }>,
    orders: ReadonlyMap<string, ReconciliationOrder>,
    range: DayRange,
  ): Promise<ProviderReconciliation> {
    const adapter = this.providers.find(method);
    let settlement: ProviderSettlement | null = null;
    let error: string | null = null;
    if (adapter?.settled) {
      try {
        settlement = await adapter.settled(rows, range);
      } catch (failure) {
        error = failure instanceof PaymentsError ? failure.message : 'the provider could not be asked';
        this.logger.warn(`Reconciliation of ${method} at store ${storeId}: ${error}`);
      }
    }
    const hasSide = adapter?.settled !== undefined;
    const payments: ReconciledPayment[] = rows.map((row) => {
      const kassa = movements.get(row.id) ?? NOTHING;
      const provider = settlement ? (settlement.payments.get(row.id) ?? NOTHING) : null;
      return {
        paymentId: row.id,
        providerReference: row.providerReference,
        orderId: row.orderId,
        orderNumber: orders.get(row.orderId)?.number ?? null,
        orderStatus: orders.get(row.orderId)?.status ?? null,
        paymentStatus: row.status,
        currency: row.currency,
        kassa: { captured: kassa.captured, refunded: kassa.refunded },
        provider,
        mismatches: [],
      };
    });
    if (settlement) payments.push(...(await this.providerOnly(storeId, method, settlement, rows, orders)));

    const mismatches: Mismatch[] = [];
    const listed: ReconciledPayment[] = [];
    for (const payment of payments) {
      const found = this.mismatchesOf(payment, method);
      mismatches.push(...found);
      const moved = payment.kassa.captured + payment.kassa.refunded + (payment.provider ? payment.provider.captured + payment.provider.refunded : 0) > 0;
      // A payment of an order of the day that moved no money and agrees is not worth a row.
      if (moved || found.length > 0) listed.push({ ...payment, mismatches: found.map((m) => m.kind) });
    }
    const totals = (side: (p: ReconciledPayment) => ProviderAmounts | null): SideTotals => {
      const amounts = listed.map(side).filter((a): a is ProviderAmounts => a !== null);
      return {
        captured: amounts.reduce((n, a) => n + a.captured, 0),
        refunded: amounts.reduce((n, a) => n + a.refunded, 0),
        count: amounts.filter((a) => a.captured > 0 || a.refunded > 0).length,
      };
    };
    return {
      method,
      kassa: totals((p) => p.kassa),
      provider: settlement ? totals((p) => p.provider) : null,
      reachable: !hasSide || settlement !== null,
      error,
      mismatches,
      payments: listed,
    };
  }

  /**
   * Provider money the adapter could not tie to a payment of the day: a payment of this store
   * from another day (a refund made today), or, when the provider's metadata names this store,
   * money Kassa knows nothing of.
   */
  private async providerOnly(
    storeId: string,
    method: PaymentMethod,
    settlement: ProviderSettlement,
    known: readonly ReconciledPaymentRow[],
    orders: ReadonlyMap<string, ReconciliationOrder>,
  ): Promise<ReconciledPayment[]> {
    if (settlement.unknown.length === 0) return [];
    const found = await this.repository.payments(
      storeId,
      settlement.unknown.flatMap((u) => (u.paymentId ? [u.paymentId] : [])),
      settlement.unknown.map((u) => u.reference),
    );
    const byKey = new Map<string, ReconciledPaymentRow>();
    for (const row of found.filter((r) => r.method === method && !known.some((k) => k.id === r.id))) {
      byKey.set(row.id, row);
      if (row.providerReference) byKey.set(row.providerReference, row);
    }
    const merged = new Map<string, ReconciledPayment>();
    for (const money of settlement.unknown) {
      const row = (money.paymentId ? byKey.get(money.paymentId) : undefined) ?? byKey.get(money.reference);
      if (!row && money.storeId !== storeId) continue;
      const key = row?.id ?? money.reference;
      const before = merged.get(key);
      const provider = { captured: (before?.provider?.captured ?? 0) + money.captured, refunded: (before?.provider?.refunded ?? 0) + money.refunded };
      merged.set(key, {
        paymentId: row?.id ?? money.paymentId,
        providerReference: row?.providerReference ?? money.reference,
        orderId: row?.orderId ?? null,
        orderNumber: row ? (orders.get(row.orderId)?.number ?? null) : null,
        orderStatus: row ? (orders.get(row.orderId)?.status ?? null) : null,
        paymentStatus: row?.status ?? null,
        currency: row?.currency ?? known[0]?.currency ?? 'SEK',
        kassa: NOTHING,
        provider,
        mismatches: [],
      });
    }
    return [...merged.values()];
  }

  private mismatchesOf(payment: ReconciledPayment, method: PaymentMethod): Mismatch[] {
    const found: Mismatch[] = [];
    const add = (kind: MismatchKind, kassaAmount: number | null, providerAmount: number | null, detail: string) =>
      found.push({ kind, paymentId: payment.paymentId, orderId: payment.orderId, orderNumber: payment.orderNumber, kassaAmount, providerAmount, detail });
    const { kassa, provider } = payment;
    if (provider) {
      if (payment.paymentStatus === null && provider.captured > 0) {
        add('missing_in_kassa', 0, provider.captured, `${method} captured ${provider.captured} (${payment.providerReference ?? '-'}) for a payment Kassa does not know`);
      } else if (kassa.captured !== provider.captured) {
        if (provider.captured === 0) add('missing_at_provider', kassa.captured, 0, `Kassa captured ${kassa.captured}; ${method} has no capture that day`);
        else add('amount_differs', kassa.captured, provider.captured, `Kassa captured ${kassa.captured}; ${method} captured ${provider.captured}`);
      }
      if (kassa.refunded !== provider.refunded) {
        add('refund_differs', kassa.refunded, provider.refunded, `Kassa refunded ${kassa.refunded}; ${method} refunded ${provider.refunded}`);
      }
    }
    const status = payment.paymentStatus;
    const order = payment.orderStatus;
    if (status && order) {
      const taken = status === 'captured' || status === 'partially_refunded';
      if (taken && ORDER_ENDED_UNPAID.includes(order)) {
        add('status_mismatch', kassa.captured, provider?.captured ?? null, `order is ${order} but its payment is ${status} and not refunded`);
      } else if (order === 'picked_up' && !MONEY_TAKEN.includes(status)) {
        add('status_mismatch', kassa.captured, provider?.captured ?? null, `order was picked up but its payment is ${status}`);
      } else if (ORDER_PAID.includes(order) && !MONEY_TAKEN.includes(status) && status !== 'authorized' && method !== 'in_store') {
        add('status_mismatch', kassa.captured, provider?.captured ?? null, `order is ${order} but its payment is ${status}`);
      }
    }
    return found;
  }

  private async ordersOf(rows: readonly ReconciledPaymentRow[], dayOrders: readonly ReconciliationOrder[]): Promise<Map<string, ReconciliationOrder>> {
    const byId = new Map(dayOrders.map((o) => [o.id, o]));
    const missing = [...new Set(rows.map((r) => r.orderId))].filter((id) => !byId.has(id));
    if (this.orders && missing.length > 0) for (const order of await this.orders.ordersOf(missing)) byId.set(order.id, order);
    return byId;
  }
}
