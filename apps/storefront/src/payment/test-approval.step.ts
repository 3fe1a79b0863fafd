import { api } from '../api/client';
import { plainProblem } from '../checkout/error-messages';
import { announce, h } from '../dom';
import { t } from '../i18n';
import type { PaymentStep } from './payment-step';

/** The demo provider: two buttons stand in for the provider's payment page. */
export const testApprovalStep: PaymentStep = ({ order, refresh }) => {
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const settle = (outcome: 'approve' | 'decline') => async (event: Event) => {
    const buttons = (event.currentTarget as HTMLElement).closest('section')?.querySelectorAll('button') ?? [];
    for (const button of buttons) button.disabled = true;
    problem.hidden = true;
    try {
      await api.testPayment(order.payment?.id ?? '', outcome);
      refresh();
    } catch (error) {
      problem.textContent = plainProblem(error);
      problem.hidden = false;
      announce(problem.textContent);
      for (const button of buttons) button.disabled = false;
    }
  };
  return h(
    'section',
    { class: 'card payment-step', 'aria-labelledby': 'payment-step-title' },
    h('h2', { id: 'payment-step-title' }, t().payment),
    h('p', {}, t().payTest),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'button primary', onclick: settle('approve') }, t().approveTest),
      h('button', { type: 'button', class: 'button', onclick: settle('decline') }, t().declineTest),
    ),
    problem,
  );
};
