import { api } from '../api/client';
import type { Order, OrderStatus, PickupPass, Store } from '../api/types';
import { plainProblem } from '../checkout/error-messages';
import { announce, append, h, show } from '../dom';
import { clock, money, pickupWindow } from '../format';
import { named, t } from '../i18n';
import { FINAL_STATUSES, OrderPoller } from '../order-poller';
import { href } from '../router';
import { rememberOrder } from '../state/recent-orders';
import { paymentStep } from '../payment/payment-steps';

/** While the pass means something: after paying (or choosing to pay at pickup) and until the order is final. */
function passShown(order: Order): boolean {
  if (FINAL_STATUSES.includes(order.status)) return false;
  return order.status !== 'pending_payment' || order.payment?.nextAction?.type === 'pay_in_store';
}

function passCard(pass: PickupPass): HTMLElement {
  // A data: URL keeps the api's SVG out of the DOM (no markup from outside) and passes the CSP.
  const source = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(pass.qrSvg)}`;
  return h(
    'section',
    { class: 'card pickup-pass', 'aria-labelledby': 'pass-title' },
    h('h2', { id: 'pass-title' }, t().pickupPass),
    h('img', { class: 'qr', src: source, alt: t().qrAlt(pass.code.split('').join(' ')), width: 260, height: 260 }),
    h('p', { class: 'pickup-code' }, h('span', { class: 'muted small' }, `${t().code} `), h('strong', { 'data-pickup-code': pass.code }, pass.code)),
    h('p', { class: 'muted small' }, t().pickupPassHint),
  );
}

function linesCard(order: Order): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'lines-title' },
    h('h2', { id: 'lines-title' }, t().items),
    h(
      'ul',
      { class: 'cart-lines' },
      ...order.lines.map((line) =>
        h(
          'li',
          { class: 'cart-line' },
          h(
            'div',
            { class: 'cart-line-text' },
            h('span', {}, `${line.quantity} × ${named(line)}`),
            line.modifiers.length > 0 ? h('span', { class: 'muted small' }, line.modifiers.map(named).join(', ')) : null,
            line.note ? h('span', { class: 'muted small' }, `“${line.note}”`) : null,
          ),
          h('span', { class: 'cart-line-price' }, money(line.lineTotal, order.currency)),
        ),
      ),
    ),
    order.totals.discount > 0 ? h('p', { class: 'cart-total' }, h('span', {}, '−'), h('span', {}, money(order.totals.discount, order.currency))) : null,
    h('p', { class: 'cart-total' }, h('span', {}, t().total), h('strong', { 'data-total': order.totals.total }, money(order.totals.total, order.currency))),
  );
}

/** A declined or abandoned payment cancels the order (the api offers no second payment on it): say so, and where to go next. */
function paymentFailed(order: Order): HTMLElement | null {
  if (order.status !== 'cancelled' || order.payment?.status !== 'failed') return null;
  return h(
    'section',
    { class: 'card' },
    h('p', { class: 'notice notice-error', 'data-payment-failed': true }, t().paymentFailedOrder),
    h('a', { href: href('/'), 'data-route': true, class: 'button' }, t().backToMenu),
  );
}

/** The page the confirmation e-mail and SMS link to: live status, pickup pass, payment step, cancel. */
export function renderOrderStatus(main: HTMLElement, id: string, token: string): () => void {
  let poller: OrderPoller | null = null;
  let active = true;
  show(main, h('p', { class: 'muted' }, t().loading));

  const load = async () => {
    let order: Order;
    let store: Store | null;
    try {
      order = await api.order(id, token);
      store = await api.store(order.storeId).catch(() => null);
    } catch (error) {
      if (active) show(main, h('h1', {}, t().orderNumber), h('p', { class: 'notice notice-error', role: 'alert' }, token ? plainProblem(error) : t().orderNotFound));
      return;
    }
    if (!active) return;
    rememberOrder({ id: order.id, token, number: order.number });
    const timeZone = store?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    let pass: PickupPass | null = null;

    const status = h('p', { class: 'order-status', id: 'order-status', tabindex: -1, role: 'status', 'aria-live': 'polite' });
    const paymentSlot = h('div', {});
    const passSlot = h('div', {});
    const cancelSlot = h('div', {});
    const linesSlot = h('div', {});

    const refresh = () => poller?.pollNow();
    const cancelButton = (current: Order) => {
      const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
      const button = h('button', { type: 'button', class: 'button danger' }, t().cancelOrder);
      button.addEventListener('click', async () => {
        if (!window.confirm(t().confirmCancel)) return;
        button.disabled = true;
        try {
          update(await api.cancelOrder(current.id, token));
          announce(t().cancelled);
        } catch (error) {
          problem.textContent = plainProblem(error);
          problem.hidden = false;
          button.disabled = false;
        }
      });
      return h('div', { class: 'cancel' }, button, problem);
    };

    /** Shows the order as it is now; focus that was in a part that went away lands on the status. */
    const update = (current: Order) => {
      const hadFocus = [paymentSlot, passSlot, cancelSlot].some((slot) => slot.contains(document.activeElement));
      status.dataset.status = current.status;
      status.textContent = t().statuses[current.status as OrderStatus] ?? current.status;
      show(paymentSlot, current.status === 'pending_payment' || current.payment?.nextAction?.type === 'pay_in_store' ? paymentStep(current, refresh) : paymentFailed(current));
      if (current.status === 'pending_payment' && current.holdExpiresAt) append(paymentSlot, [h('p', { class: 'muted small' }, t().payBefore(clock(current.holdExpiresAt, timeZone)))]);
      show(cancelSlot, current.cancellable ? cancelButton(current) : null);
      show(linesSlot, linesCard(current));
      if (!passShown(current)) show(passSlot);
      else if (pass) show(passSlot, passCard(pass));
      else
        void api.pickupPass(current.id, token).then(
          (loaded) => {
            pass = loaded;
            if (active && passShown(current)) show(passSlot, passCard(loaded));
          },
          () => undefined,
        );
      if (hadFocus && !document.activeElement?.closest('main')) status.focus();
    };

    show(
      main,
      h('h1', {}, `${t().orderNumber} ${order.number}`),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'status-title' },
        h('h2', { id: 'status-title', class: 'sr-only' }, t().status),
        status,
        h('p', {}, h('span', { class: 'muted' }, `${t().pickupAt}: `), h('strong', {}, pickupWindow(order.pickup.start, order.pickup.end, timeZone))),
        store ? h('p', { class: 'muted' }, `${store.name}, ${store.address.line1}, ${store.address.city}`) : null,
        h('p', { class: 'muted small' }, t().liveUpdates),
      ),
      paymentSlot,
      passSlot,
      linesSlot,
      cancelSlot,
      h('a', { href: href('/'), 'data-route': true, class: 'back-link' }, `← ${t().backToMenu}`),
    );
    update(order);
    poller = new OrderPoller(() => api.order(id, token), update);
    poller.start(order);
  };
  void load();
  return () => {
    active = false;
    poller?.stop();
  };
}

