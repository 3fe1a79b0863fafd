import { h, show } from '../dom';
import { locale, t } from '../i18n';
import type { PaymentStep } from './payment-step';
import { providerStepFrame } from './provider-step';
import { loadProviderScript, paymentsConfig } from './provider-script';

// The part of Stripe.js this step uses (https://docs.stripe.com/js); card data stays in Stripe's frames.
interface StripeError {
  readonly type: string;
  readonly message?: string;
}
interface StripeElements {
  create(type: 'payment', options?: Record<string, unknown>): { mount(target: HTMLElement): void };
}
interface StripeClient {
  elements(options: { clientSecret: string; locale?: string }): StripeElements;
  confirmPayment(options: { elements: StripeElements; confirmParams: { return_url: string }; redirect: 'if_required' }): Promise<{ error?: StripeError }>;
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string, options?: { locale?: string }) => StripeClient;
  }
}

/**
 * Card through Stripe: Stripe.js mounts its Payment Element with the intent's client secret, and
 * confirms it. Kassa learns the outcome from Stripe's webhook; the page reads the order again.
 * A declined card leaves the intent open, so the customer may try again or another card.
 */
export const stripePaymentStep: PaymentStep = ({ nextAction, refresh }) => {
  const frame = providerStepFrame(t().method.card ?? 'Card', t().cardHint);
  const clientSecret = typeof nextAction.clientSecret === 'string' ? nextAction.clientSecret : '';
  const publishableKey = typeof nextAction.publishableKey === 'string' ? nextAction.publishableKey : '';

  const mount = async () => {
    let stripe: StripeClient;
    try {
      const { card } = await paymentsConfig();
      if (!card) throw new Error('card payments are not configured');
      await loadProviderScript(card.scriptUrl);
      if (!window.Stripe) throw new Error('Stripe.js did not start');
      stripe = window.Stripe(publishableKey, { locale: locale() });
    } catch {
      return frame.loadFailed(() => void mount());
    }
    const elements = stripe.elements({ clientSecret, locale: locale() });
    const target = h('div', { id: 'stripe-payment-element' });
    show(frame.area, target);
    elements.create('payment').mount(target);

    const pay = h('button', { type: 'button', class: 'button primary block' }, t().cardPay);
    pay.addEventListener('click', async () => {
      pay.disabled = true;
      pay.setAttribute('aria-busy', 'true');
      pay.textContent = t().cardPaying;
      frame.problem(null);
      try {
        const { error } = await stripe.confirmPayment({ elements, confirmParams: { return_url: window.location.href }, redirect: 'if_required' });
        // Stripe's own message for card and validation errors is written for the customer, in their language.
        if (error) frame.problem(error.type === 'card_error' || error.type === 'validation_error' ? (error.message ?? t().cardDeclined) : t().cardDeclined);
        else refresh();
      } catch {
        frame.problem(t().providerLoadFailed);
      } finally {
        pay.disabled = false;
        pay.removeAttribute('aria-busy');
        pay.textContent = t().cardPay;
      }
    });
    show(frame.actions, pay);
  };
  void mount();
  return frame.section;
};
