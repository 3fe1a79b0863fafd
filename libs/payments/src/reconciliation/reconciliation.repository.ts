import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PaymentMethod, PaymentStatus } from '../payments.types';
import type { DayRange } from './reconciliation.types';

/** What Kassa's ledger says moved for one payment in the day. */
export interface KassaMovement {
  readonly paymentId: string;
  readonly captured: number;
  readonly refunded: number;
}

export interface ReconciledPaymentRow {
  readonly id: string;
  readonly orderId: string;
  readonly storeId: string;
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
  readonly amount: number;
  readonly currency: string;
  readonly refundedAmount: number;
  readonly providerReference: string | null;
  readonly refundReferences: string[];
}

interface RawMovement {
  payment_id: string;
  captured: number | string;
  refunded: number | string;
}

interface RawPayment {
  id: string;
  order_id: string;
  store_id: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amount: number | string;
  currency: string;
  refunded_amount: number | string;
  provider_reference: string | null;
  refund_references: string[] | null;
}

/**
 * Money that came in: a provider's capture (`approved` into captured), a Klarna capture, cash at
 * the counter, and money a provider took for a payment already ended (given back at once, so it
 * also counts as refunded). Money that went out: refunds and those late-success refunds.
 */
const CAPTURED = `e.kind in ('captured', 'collected', 'late_success_refunded') or (e.kind = 'approved' and e.to_status = 'captured')`;
const REFUNDED = `e.kind in ('refunded', 'late_success_refunded')`;

/** The SQL behind reconciliation: reads of payment and payment_event only, in the caller's transaction. */
@Injectable()
export class ReconciliationRepository {
  constructor(private readonly em: EntityManager) {}

  /** Per payment of the store, what was captured and refunded in the range, by the ledger's events. */
  async movements(storeId: string, range: DayRange): Promise<KassaMovement[]> {
    const rows = await this.em.execute<RawMovement[]>(
      `select e.payment_id,
              coalesce(sum(e.amount) filter (where ${CAPTURED}), 0) as captured,
              coalesce(sum(e.amount) filter (where ${REFUNDED}), 0) as refunded
         from payment_event e
        where e.store_id = ? and e.created_at >= ? and e.created_at < ?
          and (${CAPTURED} or ${REFUNDED})
        group by e.payment_id`,
      [storeId, range.from, range.to],
    );
    return rows.map((r) => ({ paymentId: r.payment_id, captured: Number(r.captured), refunded: Number(r.refunded) }));
  }

  /** The store's payments with these ids or provider references, with the refund ids logged for each. */
  async payments(storeId: string, ids: readonly string[], references: readonly string[] = []): Promise<ReconciledPaymentRow[]> {
    if (ids.length === 0 && references.length === 0) return [];
    const rows = await this.em.execute<RawPayment[]>(
      `select p.id, p.order_id, p.store_id, p.method, p.status, p.amount, p.currency, p.refunded_amount, p.provider_reference,
              (select array_agg(e.detail->>'refundId' order by e.created_at)
                 from payment_event e
                where e.payment_id = p.id and e.kind in ('refunded', 'late_success_refunded') and e.detail->>'refundId' is not null) as refund_references
         from payment p
        where p.store_id = ? and (p.id = any(?::uuid[]) or p.provider_reference = any(?::text[]))
        order by p.created_at, p.id`,
      [storeId, pgArray(ids), pgArray(references)],
    );
    return rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      storeId: r.store_id,
      method: r.method,
      status: r.status,
      amount: Number(r.amount),
      currency: r.currency,
      refundedAmount: Number(r.refunded_amount),
      providerReference: r.provider_reference,
      refundReferences: r.refund_references ?? [],
    }));
  }
}

/** A PostgreSQL array literal of plain ids (uuids, provider references: no quotes or commas). */
function pgArray(values: readonly string[]): string {
  return `{${values.filter((v) => /^[A-Za-z0-9_-]+$/.test(v)).join(',')}}`;
}
