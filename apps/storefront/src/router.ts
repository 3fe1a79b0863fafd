// History-API routes: `/` the shop, `/checkout`, `/orders/<id>?token=…` (the link in the
// confirmation e-mail and SMS). The api answers index.html for each, so a reload lands here too.

export type Route =
  | { readonly name: 'shop' }
  | { readonly name: 'checkout' }
  | { readonly name: 'order'; readonly id: string; readonly token: string };

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export function currentRoute(): Route {
  const path = location.pathname.slice(BASE.length) || '/';
  const order = /^\/orders\/([^/]+)\/?$/.exec(path);
  if (order) return { name: 'order', id: decodeURIComponent(order[1] ?? ''), token: new URLSearchParams(location.search).get('token') ?? '' };
  if (path === '/checkout' || path === '/checkout/') return { name: 'checkout' };
  return { name: 'shop' };
}

let onNavigate: () => void = () => undefined;

export function startRouter(render: () => void): void {
  onNavigate = render;
  window.addEventListener('popstate', render);
  // Same-app links navigate without a reload.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest('a[data-route]');
    if (!(link instanceof HTMLAnchorElement) || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(link.getAttribute('href') ?? '/');
  });
  render();
}

/** `path` as the app sees it (`/checkout`); the build's base path is added here. */
export function navigate(path: string, replace = false): void {
  const url = `${BASE}${path}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  onNavigate();
}

export const href = (path: string): string => `${BASE}${path}`;
