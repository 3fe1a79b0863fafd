import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '@kassa/platform';
import { newId } from '@kassa/shared';
import { PaymentEventKind, PaymentEventView, PaymentMethod, PaymentNextAction, PaymentStatus, PaymentSummary, StartPayment } from './payments.types';

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
  next_action: PaymentNextAction | null;
}

/** A payment as the ledger reads it: the summary plus what providers need. */
export interface PaymentRow extends PaymentSummary {
  readonly providerReference: string | null;
}

/** What a move logs; the status it came from and went to come from the move itself. */
export interface PaymentLogEntry {
  readonly kind: PaymentEventKind;
  /** The amount the step concerns (a refund's); the payment's amount when left out. */
  readonly amount?: number;
  readonly providerReference?: string | null;
  readonly detail?: Record<string, unknown> | null;
  readonly actor: string;
}

export interface PaymentMove {
  readonly row: PaymentRow;
  readonly from: PaymentStatus;
}

/** What a payment started in this process is written with: the provider's answer. */
export interface StartedAs {
  readonly nextAction: PaymentNextAction | null;
  readonly providerReference: string | null;
}

/** What a status move sets besides the status; left out = unchanged. */
export interface PaymentChanges {
  readonly nextAction?: PaymentNextAction | null;
  readonly providerReference?: string | null;
  readonly refundedAmount?: number;
}

const COLUMNS = 'id, order_id, store_id, method, status, amount, currency, refunded_amount, provider_reference, next_action';

function rowOf(raw: RawPayment): PaymentRow {
  return {
    id: raw.id,
    orderId: raw.order_id,
    storeId: raw.store_id,
    method: raw.method,
    status: raw.status,
    amount: Number(raw.amount),
    currency: raw.currency,
    refundedAmount: Number(raw.refunded_amount),
    nextAction: raw.next_action,
    providerReference: raw.provider_reference,
  };
}

/** The payment's public face: what other libs and the API see. */
export function summaryOf(row: PaymentRow): PaymentSummary {
  return {
    id: row.id,
    orderId: row.orderId,
    storeId: row.storeId,
    method: row.method,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    refundedAmount: row.refundedAmount,
    nextAction: row.nextAction,
  };
}

/**
 * The SQL behind payments. Every statement runs through the caller's EntityManager, so inside
 * the caller's transaction; nothing here opens one. Status changes are conditional updates, so
 * of two concurrent moves from the same status exactly one wins.
 */
@Injectable()
export class PaymentLedger {
  constructor(private readonly em: EntityManager) {}

  /**
   * Inserts a payment with its log in one statement; null when this order already has one with
   * this idempotency key. Without `started` it is created (a remote provider is asked later);
   * with it — what a provider in this process answered — it is pending already, and the log has
   * both steps, `created` then `started`.
   */
  async insert(id: string, input: StartPayment, started: { readonly start: StartedAs; readonly detail: object | null } | null): Promise<PaymentRow | null> {
    // Both log rows get the same clock reading or close to it; the smaller id goes to `created`,
    // so the log's order (created_at, id) keeps created before started.
    const [createdEventId, startedEventId] = [newId(), newId()].sort();
    const events = started
      ? `(?::uuid, 'created', null, 'created', null::text, null::jsonb), (?::uuid, 'started', 'created', 'pending', ?::text, ?::jsonb)`
      : `(?::uuid, 'created', null, 'created', null::text, null::jsonb)`;
    const eventParams = started
      ? [createdEventId, startedEventId, started.start.providerReference, started.detail ? JSON.stringify(started.detail) : null]
      : [createdEventId];
    const rows = await this.em.execute<RawPayment[]>(
      `with p as (
         insert into payment (id, store_id, organisation_id, order_id, method, status, amount, currency, refunded_amount,
                              idempotency_key, next_action, provider_reference, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?::jsonb, ?, clock_timestamp(), clock_timestamp())
         on conflict (order_id, idempotency_key) do nothing
         returning ${COLUMNS}),
       logged as (
         insert into payment_event (id, payment_id, store_id, kind, from_status, to_status, amount, provider_reference, detail, actor, created_at)
         select e.id, p.id, p.store_id, e.kind, e.from_status, e.to_status, p.amount, e.provider_reference, e.detail, 'system', clock_timestamp()
           from p cross join (values ${events}) as e(id, kind, from_status, to_status, provider_reference, detail))
       select * from p`,
      [
        id,
        input.storeId,
        input.organisationId,
        input.orderId,
        input.method,
        started ? 'pending' : 'created',
        input.amount,
        input.currency,
        input.idempotencyKey,
        started?.start.nextAction ? JSON.stringify(started.start.nextAction) : null,
        started?.start.providerReference ?? null,
        ...eventParams,
      ],
    );
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async byId(paymentId: string): Promise<PaymentRow | null> {
    const rows = await this.em.execute<RawPayment[]>(`select ${COLUMNS} from payment where id = ?`, [paymentId]);
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async byIds(paymentIds: readonly string[]): Promise<PaymentRow[]> {
    if (paymentIds.length === 0) return [];
    const rows = await this.em.execute<RawPayment[]>(`select ${COLUMNS} from payment where id = any(?::uuid[])`, [uuidArray(paymentIds)]);
    return rows.map(rowOf);
  }

  /** Reads the payment and locks it until the caller's transaction ends. */
  async lock(paymentId: string): Promise<PaymentRow | null> {
    const rows = await this.em.execute<RawPayment[]>(`select ${COLUMNS} from payment where id = ? for update`, [paymentId]);
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async byIdempotencyKey(orderId: string, idempotencyKey: string): Promise<PaymentRow | null> {
    const rows = await this.em.execute<RawPayment[]>(`select ${COLUMNS} from payment where order_id = ? and idempotency_key = ?`, [
      orderId,
      idempotencyKey,
    ]);
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async latestForOrder(orderId: string): Promise<PaymentRow | null> {
    const rows = await this.em.execute<RawPayment[]>(
      `select ${COLUMNS} from payment where order_id = ? order by created_at desc, id desc limit 1`,
      [orderId],
    );
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async allForOrder(orderId: string): Promise<PaymentRow[]> {
    const rows = await this.em.execute<RawPayment[]>(`select ${COLUMNS} from payment where order_id = ? order by created_at, id`, [orderId]);
    return rows.map(rowOf);
  }

  /** The logs of these payments, oldest first. */
  async eventsOf(paymentIds: readonly string[]): Promise<PaymentEventView[]> {
    if (paymentIds.length === 0) return [];
    const rows = await this.em.execute<
      Array<{
        id: string;
        payment_id: string;
        kind: PaymentEventKind;
        from_status: PaymentStatus | null;
        to_status: PaymentStatus;
        amount: number | string;
        provider_reference: string | null;
        actor: string;
        reason: string | null;
        created_at: Date | string;
      }>
    >(
      `select id, payment_id, kind, from_status, to_status, amount, provider_reference, actor, detail->>'reason' as reason, created_at
         from payment_event where payment_id = any(?::uuid[]) order by created_at, id`,
      [uuidArray(paymentIds)],
    );
    return rows.map((r) => ({
      id: r.id,
      paymentId: r.payment_id,
      kind: r.kind,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      amount: Number(r.amount),
      providerReference: r.provider_reference,
      actor: r.actor,
      reason: r.reason,
      at: new Date(r.created_at),
    }));
  }

  /**
   * Moves a payment from one of `from` to `to` in one conditional update, locking the row first so
   * the status it came from is known, and logs `event` in the same statement; null (and nothing
   * logged) when it was in none of them (or is of another method than `method`, when given).
   */
  async move(
    paymentId: string,
    from: readonly PaymentStatus[],
    to: PaymentStatus,
    event: PaymentLogEntry,
    changes: PaymentChanges = {},
    method?: PaymentMethod,
  ): Promise<PaymentMove | null> {
    const sets = ['status = ?', 'updated_at = clock_timestamp()'];
    const params: unknown[] = [to];
    if (changes.nextAction !== undefined) {
      sets.push('next_action = ?::jsonb');
      params.push(changes.nextAction === null ? null : JSON.stringify(changes.nextAction));
    }
    if (changes.providerReference !== undefined) {
      sets.push('provider_reference = ?');
      params.push(changes.providerReference);
    }
    if (changes.refundedAmount !== undefined) {
      sets.push('refunded_amount = ?');
      params.push(changes.refundedAmount);
    }
    params.push(paymentId, ...from);
    if (method !== undefined) params.push(method);
    params.push(newId(), event.kind, event.amount ?? null, event.providerReference ?? null, event.detail ? JSON.stringify(event.detail) : null, event.actor);
    const rows = await this.em.execute<Array<RawPayment & { from_status: PaymentStatus }>>(
      `with moved as (
         update payment p set ${sets.join(', ')}
           from (select id, status from payment where id = ? for update) prev
          where p.id = prev.id and prev.status in (${from.map(() => '?').join(', ')})${method !== undefined ? ' and p.method = ?' : ''}
          returning ${COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')}, prev.status as from_status),
       logged as (
         insert into payment_event (id, payment_id, store_id, kind, from_status, to_status, amount, provider_reference, detail, actor, created_at)
         select ?, m.id, m.store_id, ?, m.from_status, m.status, coalesce(?::int, m.amount), coalesce(?::text, m.provider_reference), ?::jsonb, ?, clock_timestamp()
           from moved m)
       select * from moved`,
      params,
    );
    return rows[0] ? { row: rowOf(rows[0]), from: rows[0].from_status } : null;
  }

  /** Appends to the payment's log what happened to it without a move (`payment` is the row as it is). */
  async record(payment: PaymentRow, event: PaymentLogEntry & { readonly from: PaymentStatus | null }): Promise<void> {
    await this.em.execute(
      `insert into payment_event (id, payment_id, store_id, kind, from_status, to_status, amount, provider_reference, detail, actor, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, clock_timestamp())`,
      [
        newId(),
        payment.id,
        payment.storeId,
        event.kind,
        event.from,
        payment.status,
        event.amount ?? payment.amount,
        event.providerReference ?? payment.providerReference,
        event.detail ? JSON.stringify(event.detail) : null,
        event.actor,
      ],
      'run',
    );
  }

  /**
   * Claims a provider's webhook event for this transaction; false when it was claimed before (a
   * replay). A concurrent claim of the same event waits here until the first commits or rolls back.
   */
  async claimWebhookEvent(provider: string, eventId: string, eventType: string, paymentId: string | null): Promise<boolean> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `insert into payment_webhook_event (id, provider, event_id, event_type, payment_id, outcome, received_at)
       values (?, ?, ?, ?, ?, 'received', clock_timestamp())
       on conflict (provider, event_id) do nothing
       returning id`,
      [newId(), provider, eventId, eventType, paymentId],
    );
    return rows.length > 0;
  }

  async webhookOutcome(provider: string, eventId: string, outcome: string): Promise<void> {
    await this.em.execute('update payment_webhook_event set outcome = ? where provider = ? and event_id = ?', [outcome, provider, eventId], 'run');
  }
}
