import { announce, h } from '../dom';
import { money } from '../format';
import { named, t } from '../i18n';
import { href } from '../router';
import { cart, type CartLine } from '../state/cart';

function lineItem(line: CartLine, currency: string, editable: boolean): HTMLElement {
  const name = named(line);
  const change = (quantity: number) => () => {
    cart.setQuantity(line.key, quantity);
    announce(quantity > 0 ? `${name}: ${quantity}` : t().remove(name));
  };
  return h(
    'li',
    { class: 'cart-line' },
    h(
      'div',
      { class: 'cart-line-text' },
      h('span', { class: 'cart-line-name' }, `${line.quantity} × ${name}`),
      line.optionNames.length > 0 ? h('span', { class: 'muted small' }, line.optionNames.map(named).join(', ')) : null,
      line.note ? h('span', { class: 'muted small' }, `“${line.note}”`) : null,
    ),
    h('span', { class: 'cart-line-price' }, money(line.indicativeUnitPrice * line.quantity, currency)),
    editable
      ? h(
          'div',
          { class: 'stepper' },
          h('button', { type: 'button', class: 'icon-button', 'aria-label': t().decrease(name), onclick: change(line.quantity - 1) }, '−'),
          h('button', { type: 'button', class: 'icon-button', 'aria-label': t().increase(name), onclick: change(line.quantity + 1) }, '+'),
          h('button', { type: 'button', class: 'icon-button', 'aria-label': t().remove(name), onclick: change(0) }, '×'),
        )
      : null,
  );
}

/**
 * The cart with an estimate from the menu's prices: the authoritative total (discounts, VAT) is
 * the store's answer to the checkout, never worked out here.
 */
export function cartPanel(currency: string, options: { editable: boolean; checkoutLink: boolean }): HTMLElement {
  const lines = cart.lines();
  if (lines.length === 0) return h('section', { class: 'card cart', 'aria-labelledby': 'cart-title' }, h('h2', { id: 'cart-title', tabindex: -1 }, t().cart), h('p', { class: 'muted' }, t().cartEmpty));
  return h(
    'section',
    { class: 'card cart', 'aria-labelledby': 'cart-title' },
    h('h2', { id: 'cart-title', tabindex: -1 }, t().cart),
    h('ul', { class: 'cart-lines' }, ...lines.map((line) => lineItem(line, currency, options.editable))),
    h('p', { class: 'cart-total' }, h('span', {}, t().indicativeTotal), h('strong', {}, money(cart.indicativeTotal(), currency))),
    h('p', { class: 'muted small' }, t().indicativeHint),
    options.checkoutLink ? h('a', { class: 'button primary block', href: href('/checkout'), 'data-route': true }, t().toCheckout) : null,
  );
}
