import type { Order } from '../api/types';
import { h } from '../dom';
import { t } from '../i18n';
import { klarnaWidgetStep } from './klarna-widget.step';
import { payInStoreStep } from './pay-in-store.step';
import type { PaymentStep } from './payment-step';
import { stripePaymentStep } from './stripe-payment.step';
import { swishAppStep, swishNumberStep } from './swish.steps';
import { testApprovalStep } from './test-approval.step';

/**
 * One step per `payment.nextAction.type` the api can answer. A provider adds its own here
 * without touching the checkout or the status page. `klarna_widget` and `stripe_payment` load the
 * provider's script from the URL `GET /payments/config` names; the api's CSP allows exactly the
 * configured providers' origins.
 */
const STEPS: Record<string, PaymentStep> = {
  test_approval: testApprovalStep,
  pay_in_store: payInStoreStep,
  swish_app: swishAppStep,
  swish_number: swishNumberStep,
  stripe_payment: stripePaymentStep,
  klarna_widget: klarnaWidgetStep,
};

export function paymentStep(order: Order, refresh: () => void): HTMLElement | null {
  const nextAction = order.payment?.nextAction;
  if (!nextAction) return null;
  const step = STEPS[nextAction.type];
  if (!step) return h('p', { class: 'notice notice-warning' }, t().payUnsupported);
  return step({ order, nextAction, refresh });
}
