import { ApiError } from '../api/client';
import { named, t } from '../i18n';
import type { CartLine } from '../state/cart';

/** What went wrong, in the customer's words, and which form field (if any) to send them to. */
export interface CheckoutProblem {
  readonly text: string;
  readonly field: 'pickup' | 'name' | 'contact' | 'payment' | 'swishPhone' | 'cart' | null;
}

const LINE_FIELD = /^items\.(\d+)\./;

/** The product a field such as `items.1.quantity` names, as the customer knows it. */
function productOf(error: ApiError, lines: readonly CartLine[]): string | null {
  for (const detail of error.details) {
    const match = LINE_FIELD.exec(detail.field);
    const line = match ? lines[Number(match[1])] : undefined;
    if (line) return named(line);
  }
  return null;
}

function fieldOf(field: string): CheckoutProblem['field'] {
  if (field.startsWith('pickup')) return 'pickup';
  if (field === 'customer.name') return 'name';
  if (field.startsWith('customer')) return 'contact';
  if (field === 'payment.payerPhone') return 'swishPhone';
  if (field.startsWith('payment')) return 'payment';
  if (field.startsWith('items')) return 'cart';
  return null;
}

/** Every error code a checkout can answer, with the product or field it names. */
export function checkoutProblem(error: unknown, lines: readonly CartLine[]): CheckoutProblem {
  const messages = t().errors;
  if (!(error instanceof ApiError)) return { text: messages.GENERIC(String(error)), field: null };
  const product = productOf(error, lines);
  switch (error.code) {
    case 'NETWORK':
      return { text: messages.NETWORK, field: null };
    case 'SLOT_FULL':
    case 'STORE_CLOSED':
    case 'ORDERING_PAUSED':
    case 'SLOT_TOO_EARLY':
    case 'SLOT_TOO_FAR_AHEAD':
    case 'SLOT_NOT_FOUND':
      return { text: messages[error.code], field: 'pickup' };
    case 'OUT_OF_STOCK':
      return { text: product ? messages.OUT_OF_STOCK(product) : messages.OUT_OF_STOCK_ANY, field: 'cart' };
    case 'PRODUCT_UNAVAILABLE':
      return { text: messages.PRODUCT_UNAVAILABLE(product ?? '?'), field: 'cart' };
    case 'INVALID_MODIFIERS':
      return { text: messages.INVALID_MODIFIERS(product ?? '?'), field: 'cart' };
    case 'PAYMENT_METHOD_UNAVAILABLE':
    case 'PAYMENT_DECLINED':
    case 'PAYMENT_PROVIDER_UNAVAILABLE':
      return { text: messages[error.code], field: 'payment' };
    case 'INVALID_PAYMENT':
      // The api names the Swish number when Swish or Sweden does not know it.
      if (error.details.some((detail) => detail.field.endsWith('payerPhone'))) return { text: t().badSwishPhone, field: 'swishPhone' };
      return { text: messages.GENERIC(error.message), field: 'payment' };
    case 'IDEMPOTENCY_KEY_IN_USE':
      return { text: messages.IDEMPOTENCY_KEY_IN_USE, field: null };
    case 'VALIDATION_FAILED': {
      const fields = error.details.map((detail) => t().fields[detail.field] ?? detail.field);
      const unique = [...new Set(fields)];
      return { text: messages.VALIDATION(unique.length > 0 ? unique.join(', ') : error.message), field: fieldOf(error.details[0]?.field ?? '') };
    }
    default:
      if (error.status === 400 && error.details.length > 0) {
        const fields = [...new Set(error.details.map((detail) => t().fields[detail.field] ?? detail.field))];
        return { text: messages.VALIDATION(fields.join(', ')), field: fieldOf(error.details[0]?.field ?? '') };
      }
      return { text: messages.GENERIC(error.message), field: null };
  }
}

/** Errors outside the checkout (status page, cancel, test payment). */
export function plainProblem(error: unknown): string {
  const messages = t().errors;
  if (error instanceof ApiError) {
    if (error.isNetwork) return messages.NETWORK;
    if (error.code === 'ORDER_NOT_FOUND') return messages.ORDER_NOT_FOUND;
    if (error.code === 'INVALID_TRANSITION') return messages.INVALID_TRANSITION;
    if (error.code === 'PAYMENT_NOT_PENDING') return messages.PAYMENT_NOT_PENDING;
    return messages.GENERIC(error.message);
  }
  return messages.GENERIC(String(error));
}
