import './styles.css';
import { h, show } from './dom';
import { locale, onLocaleChange, setLocale, t } from './i18n';
import { currentRoute, startRouter } from './router';
import { renderCheckout } from './views/checkout.view';
import { renderOrderStatus } from './views/order-status.view';
import { renderShop } from './views/shop.view';

const main = document.getElementById('main') as HTMLElement;
const languageSlot = document.getElementById('lang-switch') as HTMLElement;

/** The leaving view's timers and listeners (the status page's polling) stop before the next one renders. */
let leave: () => void = () => undefined;

let firstRender = true;

function render(): void {
  const languageFocused = document.activeElement?.closest('#lang-switch') ? document.activeElement.getAttribute('lang') : null;
  leave();
  leave = () => undefined;
  document.documentElement.lang = locale();
  renderLanguageSwitch();
  const route = currentRoute();
  const stop =
    route.name === 'order' ? renderOrderStatus(main, route.id, route.token) : route.name === 'checkout' ? renderCheckout(main) : renderShop(main);
  leave = stop;
  // A new page starts reading at its content; a language switch keeps focus on the switch.
  if (languageFocused) languageSlot.querySelector<HTMLElement>(`[lang="${languageFocused}"]`)?.focus();
  else if (!firstRender) main.focus();
  firstRender = false;
}

/** Two real buttons, the chosen one pressed; each says its language in that language. */
function renderLanguageSwitch(): void {
  const button = (code: 'sv' | 'en', label: string) =>
    h('button', { type: 'button', class: 'lang', lang: code, 'aria-pressed': String(locale() === code), onclick: () => setLocale(code) }, label);
  show(languageSlot, h('div', { role: 'group', 'aria-label': t().language }, button('sv', 'Svenska'), button('en', 'English')));
}

onLocaleChange(render);
startRouter(render);
