import { h } from '../dom';
import { t } from '../i18n';
import type { PaymentStep } from './payment-step';
import { swishPayerOf } from './swish-number';

/** Swish asks the payer for at most a few minutes; after that the customer hears what they can do. */
const SLOW_AFTER_MS = 3 * 60_000;

/** A phone, where Swish can open on the same device (else the QR code comes first). */
const onPhone = (): boolean => /Android|iPhone|iPad|iPod/i.test(navigator.userAgent) || window.matchMedia('(pointer: coarse)').matches;

/** After a while without the money: open Swish again, or cancel and choose another method (the page offers cancel). */
function slowNotice(): HTMLElement {
  const notice = h('p', { class: 'notice', hidden: true }, t().swishSlow);
  // When the order has moved on the step is gone, and showing the notice changes nothing.
  window.setTimeout(() => {
    notice.hidden = false;
  }, SLOW_AFTER_MS);
  return notice;
}

/** Swish's m-commerce QR format for a payment request token: `D` followed by the token. */
export const swishQrText = (token: string): string => `D${token}`;

/** The Swish app opens the request; afterwards it sends the customer back to this status page. */
export const swishAppLink = (token: string, returnTo: string): string =>
  `swish://paymentrequest?token=${encodeURIComponent(token)}&callbackurl=${encodeURIComponent(returnTo)}`;

function qrImage(token: string): HTMLElement {
  const image = h('img', { class: 'qr swish-qr', alt: t().swishQrAlt, width: 220, height: 220, hidden: true });
  // Loaded only when a Swish QR code is shown, so other customers never download the encoder.
  void import('qrcode').then(({ toDataURL }) =>
    toDataURL(swishQrText(token), { margin: 2, width: 440, errorCorrectionLevel: 'M' }).then((url) => {
      image.src = url;
      image.hidden = false;
    }),
  );
  return image;
}

/** Swish on this phone (m-commerce): open the app with the token, or scan its QR code from a computer. */
export const swishAppStep: PaymentStep = ({ nextAction }) => {
  const token = typeof nextAction.token === 'string' ? nextAction.token : '';
  const openButton = h('a', { class: 'button primary block', href: swishAppLink(token, window.location.href), 'data-swish-app': true }, t().swishOpen);
  const qr = h('div', { class: 'swish-qr-box' }, h('p', {}, t().swishScan), qrImage(token));
  return h(
    'section',
    { class: 'card payment-step', 'aria-labelledby': 'payment-step-title' },
    h('h2', { id: 'payment-step-title' }, t().method.swish ?? 'Swish'),
    onPhone()
      ? h('div', {}, h('p', {}, t().swishAppHint), openButton, h('details', {}, h('summary', {}, t().swishOtherDevice), qr))
      : h('div', {}, qr, h('p', { class: 'muted small' }, t().swishAppHint), openButton),
    h('p', { class: 'muted small', role: 'status' }, t().paymentPending),
    slowNotice(),
  );
};

/** Swish by number (e-commerce): the request is already on the payer's phone. */
export const swishNumberStep: PaymentStep = ({ order }) => {
  const masked = swishPayerOf(order.id);
  return h(
    'section',
    { class: 'card payment-step', 'aria-labelledby': 'payment-step-title' },
    h('h2', { id: 'payment-step-title' }, t().method.swish ?? 'Swish'),
    h('p', { 'data-swish-number': true }, masked ? t().swishOnNumber(masked) : t().swishOnYourPhone),
    h('p', { class: 'muted small', role: 'status' }, t().paymentPending),
    slowNotice(),
  );
};
