import { api } from '../api/client';
import type { CheckoutRequest, PaymentMethod, PickupSlots, Store } from '../api/types';
import { CheckoutAttempt } from '../checkout/checkout-attempt';
import { checkoutProblem, plainProblem, type CheckoutProblem } from '../checkout/error-messages';
import { pickupSlotsFor } from '../checkout/pickup-slots';
import { rememberSwishPayer, swedishMobile } from '../payment/swish-number';
import { announce, h, show } from '../dom';
import { locale, t } from '../i18n';
import { href, navigate } from '../router';
import { cart } from '../state/cart';
import { rememberOrder, statusPath } from '../state/recent-orders';
import { chosenStore } from '../state/store-choice';
import { cartPanel } from './cart-panel';
import { pickupPicker, type PickupChoice } from './pickup-picker';

/** What the customer typed and chose; outlives a re-render (language switch, cart edit). */
const draft = { name: '', email: '', phone: '', swishPhone: '', method: '' as PaymentMethod | '', pickup: { mode: null, day: '', slotStart: '' } as PickupChoice };
/** Kept across re-renders so a retry after a lost answer reuses its Idempotency-Key. */
const attempt = new CheckoutAttempt();

/** Replaces what a slot shows, putting focus back on the same control (or button) if it had it. */
function replaceIn(slot: Element, next: Element): void {
  const focused = document.activeElement;
  const hadFocus = focused !== null && slot.contains(focused);
  const selector =
    focused instanceof HTMLInputElement || focused instanceof HTMLSelectElement
      ? `[name="${focused.name}"]${focused instanceof HTMLInputElement && focused.type === 'radio' ? `[value="${CSS.escape(focused.value)}"]` : ''}`
      : focused instanceof HTMLButtonElement && focused.getAttribute('aria-label')
        ? `button[aria-label="${CSS.escape(focused.getAttribute('aria-label') ?? '')}"]`
        : null;
  slot.replaceChildren(next);
  if (!hadFocus) return;
  const again = selector ? next.querySelector<HTMLElement>(selector) : null;
  // The control is gone (a removed line): the section's heading keeps the keyboard user in place.
  (again ?? (next.matches('[tabindex="-1"]') ? (next as HTMLElement) : next.querySelector<HTMLElement>('[tabindex="-1"]')))?.focus();
}

function textField(id: string, label: string, attributes: Record<string, string | boolean>, value: string, onInput: (value: string) => void): HTMLElement {
  const input = h('input', { id, name: id, value, ...attributes, oninput: (event: Event) => onInput((event.target as HTMLInputElement).value) });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

function contactFieldset(): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'card', id: 'contact' },
    h('legend', {}, t().contact),
    textField('customer-name', t().name, { autocomplete: 'name', required: true, maxlength: '100' }, draft.name, (value) => (draft.name = value)),
    h('p', { class: 'muted small', id: 'contact-hint' }, t().contactHint),
    textField('customer-email', t().email, { type: 'email', autocomplete: 'email', maxlength: '254', 'aria-describedby': 'contact-hint' }, draft.email, (value) => (draft.email = value)),
    textField('customer-phone', t().phone, { type: 'tel', autocomplete: 'tel', maxlength: '40', 'aria-describedby': 'contact-hint' }, draft.phone, (value) => (draft.phone = value)),
  );
}

function paymentFieldset(methods: readonly PaymentMethod[]): HTMLFieldSetElement {
  if (!draft.method || !methods.includes(draft.method)) draft.method = methods[0] ?? '';
  // Swish by number is optional: without one the status page opens the Swish app or shows a QR code.
  const swishPhone = h(
    'div',
    { class: 'field', id: 'swish-phone-field', hidden: draft.method !== 'swish' },
    h('label', { for: 'swish-phone' }, t().swishPhone),
    h('p', { class: 'muted small', id: 'swish-phone-hint' }, t().swishPhoneHint),
    h('input', {
      id: 'swish-phone',
      name: 'swish-phone',
      type: 'tel',
      autocomplete: 'tel',
      inputmode: 'tel',
      maxlength: '20',
      'aria-describedby': 'swish-phone-hint',
      value: draft.swishPhone,
      oninput: (event: Event) => (draft.swishPhone = (event.target as HTMLInputElement).value),
    }),
  );
  const choose = (method: PaymentMethod) => () => {
    draft.method = method;
    swishPhone.hidden = method !== 'swish';
  };
  return h(
    'fieldset',
    { class: 'card', id: 'payment', tabindex: -1 },
    h('legend', {}, t().payment),
    ...methods.map((method) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name: 'payment-method', value: method, checked: draft.method === method, onchange: choose(method) }),
        t().method[method] ?? method,
      ),
    ),
    methods.includes('swish') ? swishPhone : null,
  );
}

/** The Swish number as the customer typed it, when Swish is chosen and a number was given. */
function swishPayer(): { typed: string; national: string | null } | null {
  if (draft.method !== 'swish' || !draft.swishPhone.trim()) return null;
  return { typed: draft.swishPhone.trim(), national: swedishMobile(draft.swishPhone) };
}

/** The customer's own slips, caught before asking the api (which checks them all again). */
function localProblem(store: Store): CheckoutProblem | null {
  if (!draft.name.trim()) return { text: t().needName, field: 'name' };
  if (!draft.email.trim() && !draft.phone.trim()) return { text: t().needContact, field: 'contact' };
  if (draft.pickup.mode === null || (draft.pickup.mode === 'slot' && !draft.pickup.slotStart)) return { text: t().needTime, field: 'pickup' };
  if (!store.takingOrders) return { text: t().notTakingOrders, field: null };
  if (!draft.method) return { text: t().errors.PAYMENT_METHOD_UNAVAILABLE, field: 'payment' };
  const payer = swishPayer();
  if (payer && !payer.national) return { text: t().badSwishPhone, field: 'swishPhone' };
  return null;
}

function checkoutRequest(store: Store, method: PaymentMethod): CheckoutRequest {
  const payer = swishPayer();
  return {
    storeId: store.id,
    items: cart.checkoutItems(),
    pickup: draft.pickup.mode === 'asap' ? { asap: true } : { slotStart: draft.pickup.slotStart },
    customer: {
      name: draft.name.trim(),
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
      ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    },
    payment: { method, ...(payer ? { payerPhone: payer.typed } : {}) },
    locale: locale(),
  };
}

const FIELD_TARGET: Record<NonNullable<CheckoutProblem['field']>, string> = {
  pickup: '#pickup',
  name: '#customer-name',
  contact: '#customer-email',
  payment: '#payment',
  swishPhone: '#swish-phone',
  cart: '#cart-title',
};

/** Cart, pickup time, contact and payment method on one page, then the order. */
export function renderCheckout(main: HTMLElement): () => void {
  let active = true;
  let unsubscribe: () => void = () => undefined;
  show(main, h('p', { class: 'muted' }, t().loading));

  const load = async () => {
    try {
      const { store } = await chosenStore();
      if (!active) return;
      if (!store || cart.lines().length === 0) {
        show(main, h('h1', {}, t().checkout), h('p', {}, t().cartEmpty), h('a', { href: href('/'), 'data-route': true, class: 'button' }, t().backToMenu));
        return;
      }
      const [catalog, methods] = await Promise.all([api.catalog(store.id), api.paymentMethods(store.id)]);
      let slots: PickupSlots = await pickupSlotsFor(store.id, cart.slotItems());
      if (!active) return;

      const problemBox = h('div', { class: 'form-error', role: 'alert', id: 'checkout-problem' });
      const cartSlot = h('div', {}, cartPanel(catalog.currency, { editable: true, checkoutLink: false }));
      const pickupSlot = h('div', {});
      const renderPickup = () => replaceIn(pickupSlot, pickupPicker(slots, draft.pickup, renderPickup));
      renderPickup();
      const reloadSlots = async () => {
        slots = await pickupSlotsFor(store.id, cart.slotItems());
        if (active) renderPickup();
      };

      const submit = h('button', { type: 'submit', class: 'button primary block' }, t().placeOrder);
      const form = h(
        'form',
        { class: 'checkout-form', novalidate: true },
        pickupSlot,
        contactFieldset(),
        paymentFieldset(methods.methods),
        problemBox,
        submit,
      );
      const showProblem = (problem: CheckoutProblem) => {
        show(problemBox, h('p', {}, problem.text));
        const target = problem.field ? document.querySelector<HTMLElement>(FIELD_TARGET[problem.field]) : problemBox;
        target?.focus();
        announce(problem.text);
      };

      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (submit.disabled) return;
        show(problemBox);
        const local = localProblem(store);
        if (local || !draft.method) return showProblem(local ?? { text: t().errors.PAYMENT_METHOD_UNAVAILABLE, field: 'payment' });
        const request = checkoutRequest(store, draft.method);
        submit.disabled = true;
        submit.setAttribute('aria-busy', 'true');
        submit.textContent = t().placing;
        try {
          const order = await api.placeOrder(request, attempt.keyFor(request));
          rememberOrder({ id: order.id, token: order.token, number: order.number });
          const payer = swishPayer();
          if (payer?.national && order.payment?.nextAction?.type === 'swish_number') rememberSwishPayer(order.id, payer.national);
          attempt.reset();
          cart.clear();
          navigate(statusPath(order));
        } catch (error) {
          const problem = checkoutProblem(error, cart.lines());
          showProblem(problem);
          if (problem.field === 'pickup') void reloadSlots().catch(() => undefined);
        } finally {
          submit.disabled = false;
          submit.removeAttribute('aria-busy');
          submit.textContent = t().placeOrder;
        }
      });

      unsubscribe();
      unsubscribe = cart.onChange(() => {
        if (cart.lines().length === 0) return void load();
        replaceIn(cartSlot, cartPanel(catalog.currency, { editable: true, checkoutLink: false }));
        // The cart's size and kitchen time decide which slots fit.
        void reloadSlots().catch(() => undefined);
      });

      show(
        main,
        h('a', { href: href('/'), 'data-route': true, class: 'back-link' }, `← ${t().backToMenu}`),
        h('h1', {}, t().checkout),
        h('p', { class: 'muted' }, store.name),
        store.takingOrders ? null : h('p', { class: 'notice notice-warning', role: 'status' }, t().notTakingOrders),
        h('div', { class: 'checkout-layout' }, cartSlot, form),
      );
    } catch (error) {
      if (active) show(main, h('p', { class: 'notice notice-error', role: 'alert' }, plainProblem(error)), h('button', { type: 'button', class: 'button', onclick: () => void load() }, t().retry));
    }
  };
  void load();
  return () => {
    active = false;
    unsubscribe();
  };
}
