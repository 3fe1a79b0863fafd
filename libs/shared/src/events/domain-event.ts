/**
 * A past-tense fact another lib may react to (`OrderPaid`, `StockLow`). Published inside the
 * transaction that made it true and delivered only after that transaction commits, through
 * the outbox in @kassa/platform.
 */
export interface DomainEvent<Payload extends object = object> {
  readonly type: string;
  readonly payload: Payload;
  /** The store the fact belongs to, when it belongs to one; consumers use it for routing. */
  readonly storeId?: string;
}

export function domainEvent<Payload extends object>(
  type: string,
  payload: Payload,
  storeId?: string,
): DomainEvent<Payload> {
  return { type, payload, storeId };
}
