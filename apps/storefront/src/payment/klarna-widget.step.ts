import { api } from '../api/client';
import { plainProblem } from '../checkout/error-messages';
import { h, show } from '../dom';
import { t } from '../i18n';
import type { PaymentStep } from './payment-step';
import { providerStepFrame } from './provider-step';
import { loadProviderScript, paymentsConfig } from './provider-script';

// The part of Klarna's JavaScript library (Klarna Payments) this step uses.
interface KlarnaLoadResult {
  readonly show_form: boolean;
  readonly error?: { readonly invalid_fields?: readonly string[] };
}
interface KlarnaAuthorizeResult {
  readonly approved: boolean;
  readonly show_form: boolean;
  readonly authorization_token?: string;
}
interface KlarnaPayments {
  init(options: { client_token: string }): void;
  load(options: { container: string; payment_method_category?: string }, data: Record<string, unknown>, callback: (result: KlarnaLoadResult) => void): void;
  authorize(options: { payment_method_category?: string }, data: Record<string, unknown>, callback: (result: KlarnaAuthorizeResult) => void): void;
}
declare global {
  interface Window {
    Klarna?: { Payments: KlarnaPayments };
  }
}

/**
 * Klarna: the library shows Klarna's widget for the session; the customer's authorization token
 * goes to Kassa, which creates the Klarna order (the payment is then authorized, captured later).
 */
export const klarnaWidgetStep: PaymentStep = ({ order, nextAction, refresh }) => {
  const frame = providerStepFrame(t().method.klarna ?? 'Klarna', null);
  const clientToken = typeof nextAction.clientToken === 'string' ? nextAction.clientToken : '';
  const category = typeof nextAction.paymentMethodCategory === 'string' ? nextAction.paymentMethodCategory : undefined;
  const containerId = 'klarna-payments-container';

  const mount = async () => {
    let klarna: KlarnaPayments;
    try {
      const config = await paymentsConfig();
      if (!config.klarna) throw new Error('Klarna is not configured');
      await loadProviderScript(config.klarna.scriptUrl);
      if (!window.Klarna?.Payments) throw new Error('Klarna’s library did not start');
      klarna = window.Klarna.Payments;
    } catch {
      return frame.loadFailed(() => void mount());
    }
    show(frame.area, h('div', { id: containerId }));
    klarna.init({ client_token: clientToken });
    klarna.load({ container: `#${containerId}`, payment_method_category: category }, {}, (loaded) => {
      if (!loaded.show_form) frame.problem(t().klarnaDeclined);
    });

    const pay = h('button', { type: 'button', class: 'button primary block' }, t().klarnaPay);
    pay.addEventListener('click', () => {
      pay.disabled = true;
      frame.problem(null);
      klarna.authorize({ payment_method_category: category }, {}, (result) => {
        if (!result.approved || !result.authorization_token) {
          // show_form false: Klarna will not offer this purchase; true: the customer closed the widget.
          frame.problem(result.show_form ? t().klarnaCancelled : t().klarnaDeclined);
          pay.disabled = !result.show_form;
          return;
        }
        api.klarnaAuthorize(order.payment?.id ?? '', result.authorization_token).then(
          () => refresh(),
          (error: unknown) => {
            frame.problem(plainProblem(error));
            pay.disabled = false;
          },
        );
      });
    });
    show(frame.actions, pay);
  };
  void mount();
  return frame.section;
};
