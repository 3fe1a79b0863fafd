import { h } from '../dom';
import { t } from '../i18n';
import type { PaymentStep } from './payment-step';

/** Nothing to do now: the money is taken at the counter at hand-over. */
export const payInStoreStep: PaymentStep = () =>
  h('section', { class: 'card payment-step', 'aria-labelledby': 'payment-step-title' }, h('h2', { id: 'payment-step-title' }, t().payment), h('p', {}, t().payInStore));
