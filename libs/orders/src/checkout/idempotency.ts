import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { OrdersError, OrdersErrorCode } from '../orders.errors';

/** How long a key and its answer are kept. */
export const IDEMPOTENCY_KEY_HOURS = 72;
/**
 * A key claimed but never answered this long ago belongs to a checkout that died between placing
 * its order and opening its payment with the provider (far longer than any provider may take):
 * the next request with it runs afresh, and the orphan order expires with its hold.
 */
const UNANSWERED_MINUTES = 2;
const KEY = /^[\x21-\x7e]{1,255}$/;

export type Claim = { readonly kind: 'new' } | { readonly kind: 'replay'; readonly status: number; readonly body: string };

/**
 * The checkout's `Idempotency-Key`. The key row is written first in the checkout's transaction:
 * a second request with the same key waits on that row until the first commits (then replays
 * its answer) or rolls back (then runs itself). So one key makes one order, and a refused
 * checkout leaves no key behind.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(private readonly em: EntityManager) {}

  /** 400 naming the header unless the key is 1–255 visible ASCII characters. */
  static check(key: string | undefined): string {
    if (key === undefined || key === '') {
      throw OrdersError.field(OrdersErrorCode.INVALID_IDEMPOTENCY_KEY, 'Idempotency-Key', 'header is required: a unique value per checkout, e.g. a UUID');
    }
    if (!KEY.test(key)) {
      throw OrdersError.field(OrdersErrorCode.INVALID_IDEMPOTENCY_KEY, 'Idempotency-Key', 'must be 1–255 visible ASCII characters');
    }
    return key;
  }

  /** SHA-256 of the body in canonical JSON (keys sorted), so key order and spacing do not matter. */
  static hash(body: unknown): string {
    return createHash('sha256').update(canonicalJson(body)).digest('hex');
  }

  async claim(key: string, requestHash: string): Promise<Claim> {
    const claimed = await this.em.execute<Array<{ key: string }>>(
      `insert into idempotency_key (key, request_hash, created_at, expires_at)
       values (?, ?, now(), now() + make_interval(hours => ?))
       on conflict (key) do update
         set request_hash = excluded.request_hash, created_at = excluded.created_at, expires_at = excluded.expires_at,
             order_id = null, response_status = null, response_body = null
         where idempotency_key.expires_at <= now()
            or (idempotency_key.response_body is null and idempotency_key.created_at <= now() - make_interval(mins => ?))
       returning key`,
      [key, requestHash, IDEMPOTENCY_KEY_HOURS, UNANSWERED_MINUTES],
    );
    if (claimed.length > 0) return { kind: 'new' };
    const [row] = await this.em.execute<Array<{ request_hash: string; response_status: number | null; response_body: string | null }>>(
      'select request_hash, response_status, response_body from idempotency_key where key = ?',
      [key],
    );
    if (!row || row.response_body === null || row.response_status === null) {
      throw OrdersError.field(OrdersErrorCode.IDEMPOTENCY_KEY_IN_USE, 'Idempotency-Key', 'is being used by a checkout that has not finished; retry in a moment');
    }
    if (row.request_hash !== requestHash) {
      throw OrdersError.field(OrdersErrorCode.IDEMPOTENCY_KEY_REUSED, 'Idempotency-Key', 'was already used for a different checkout; use a new key for a new order');
    }
    return { kind: 'replay', status: row.response_status, body: row.response_body };
  }

  async complete(key: string, orderId: string, status: number, body: string): Promise<void> {
    await this.em.execute('update idempotency_key set order_id = ?, response_status = ?, response_body = ? where key = ?', [orderId, status, body, key]);
  }

  /** Frees a claimed key whose checkout was called off after its transaction (the provider refused). */
  async release(key: string): Promise<void> {
    await this.em.execute('delete from idempotency_key where key = ? and response_body is null', [key], 'run');
  }

  /** Drops keys past their 72 hours; returns how many. */
  async sweep(limit: number): Promise<number> {
    const rows = await this.em.execute<Array<{ key: string }>>(
      `delete from idempotency_key where key in (select key from idempotency_key where expires_at <= now() limit ?) returning key`,
      [limit],
    );
    return rows.length;
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
