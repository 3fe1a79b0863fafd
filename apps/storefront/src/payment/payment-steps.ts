import type { Order } from '../api/types';
import { h } from '../dom';
import { t } from '../i18n';
import { payInStoreStep } from './pay-in-store.step';
import type { PaymentStep } from './payment-step';
import { testApprovalStep } from './test-approval.step';

/**
 * One step per `payment.nextAction.type` the api can answer. A provider adds its own here
 * without touching the checkout or the status page: `swish_app` (open the Swish app with the
 * token), `swish_number` (wait for the phone to pay), `klarna_widget` (mount Klarna's widget,
 * then post its authorization), `stripe_payment` (Stripe's hosted Payment Element). The last two
 * load the provider's script, so the api's CSP (helmet in apps/api/src/bootstrap.ts) must allow it.
 */
const STEPS: Record<string, PaymentStep> = {
  test_approval: testApprovalStep,
  pay_in_store: payInStoreStep,
};

export function paymentStep(order: Order, refresh: () => void): HTMLElement | null {
  const nextAction = order.payment?.nextAction;
  if (!nextAction) return null;
  const step = STEPS[nextAction.type];
  if (!step) return h('p', { class: 'notice notice-warning' }, t().payUnsupported);
  return step({ order, nextAction, refresh });
}
