import { api } from '../api/client';
import type { Catalog, Product, Store } from '../api/types';
import { plainProblem } from '../checkout/error-messages';
import { h, show } from '../dom';
import { money } from '../format';
import { named, t } from '../i18n';
import { href } from '../router';
import { cart } from '../state/cart';
import { recentOrders, statusPath } from '../state/recent-orders';
import { chooseStore, chosenStore } from '../state/store-choice';
import { cartPanel } from './cart-panel';
import { productImage } from './placeholder-image';
import { openProductDialog } from './product-dialog';

function storePicker(main: HTMLElement, stores: readonly Store[], rerender: () => void): void {
  show(
    main,
    h('h1', {}, t().chooseStore),
    h(
      'ul',
      { class: 'store-list' },
      ...stores.map((store) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'card store-choice', onclick: () => (chooseStore(store.id), rerender()) },
            h('strong', {}, store.name),
            h('span', { class: 'muted' }, `${store.address.line1}, ${store.address.city}`),
            store.takingOrders ? null : h('span', { class: 'badge' }, t().notTakingOrders),
          ),
        ),
      ),
    ),
  );
}

function productCard(product: Product, currency: string): HTMLElement {
  const name = named(product);
  const orderable = product.available && !product.soldOut;
  const add = h(
    'button',
    { type: 'button', class: 'button small', disabled: !orderable, 'aria-label': t().addNamed(name) },
    orderable ? t().add : product.soldOut ? t().soldOut : t().unavailable,
  );
  add.addEventListener('click', () => openProductDialog(product, currency, add));
  return h(
    'li',
    { class: `product${orderable ? '' : ' product-off'}` },
    productImage(product.imageUrl, name),
    h(
      'div',
      { class: 'product-text' },
      h('h3', {}, name),
      h('p', { class: 'muted small' }, named({ nameSv: product.descriptionSv, nameEn: product.descriptionEn })),
      h('p', { class: 'price' }, money(product.price, currency), product.soldOut ? h('span', { class: 'badge' }, t().soldOut) : null),
    ),
    add,
  );
}

function menu(catalog: Catalog): HTMLElement {
  const categories = catalog.categories.filter((category) => category.products.length > 0);
  return h(
    'div',
    { class: 'menu' },
    h(
      'nav',
      { class: 'category-nav', 'aria-label': t().categories },
      h('ul', {}, ...categories.map((category) => h('li', {}, h('a', { href: `#category-${category.id}` }, named(category))))),
    ),
    ...categories.map((category) =>
      h(
        'section',
        { class: 'category', id: `category-${category.id}`, 'aria-labelledby': `category-title-${category.id}` },
        h('h2', { id: `category-title-${category.id}` }, named(category)),
        h('ul', { class: 'products' }, ...category.products.map((product) => productCard(product, catalog.currency))),
      ),
    ),
  );
}

function recentOrdersLinks(): HTMLElement | null {
  const recent = recentOrders();
  if (recent.length === 0) return null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'recent-title' },
    h('h2', { id: 'recent-title' }, t().recentOrders),
    h('ul', { class: 'plain' }, ...recent.map((order) => h('li', {}, h('a', { href: href(statusPath(order)), 'data-route': true }, order.number)))),
  );
}

/** The menu of the chosen store with the cart beside it (below it on a phone). */
export function renderShop(main: HTMLElement): () => void {
  let active = true;
  let unsubscribe: () => void = () => undefined;
  show(main, h('p', { class: 'muted' }, t().loading));
  const load = async () => {
    try {
      const { store, stores } = await chosenStore();
      if (!active) return;
      if (!store) return storePicker(main, stores, () => void load());
      const catalog = await api.catalog(store.id);
      if (!active) return;
      document.title = store.name;
      const cartSlot = h('div', { class: 'cart-slot' }, cartPanel(catalog.currency, { editable: true, checkoutLink: true }));
      unsubscribe();
      unsubscribe = cart.onChange(() => show(cartSlot, cartPanel(catalog.currency, { editable: true, checkoutLink: true })));
      show(
        main,
        h(
          'div',
          { class: 'store-head' },
          h('h1', {}, store.name),
          h('p', { class: 'muted' }, `${store.address.line1}, ${store.address.city}`),
          stores.length > 1 ? h('button', { type: 'button', class: 'link-button', onclick: () => (chooseStore(null), void load()) }, t().chooseStore) : null,
          store.takingOrders ? null : h('p', { class: 'notice notice-warning', role: 'status' }, t().notTakingOrders),
        ),
        h('div', { class: 'shop-layout' }, menu(catalog), h('aside', { class: 'shop-side' }, cartSlot, recentOrdersLinks())),
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
