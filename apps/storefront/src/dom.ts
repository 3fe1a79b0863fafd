// A tiny element builder: the shop is a few screens, not worth a framework on a phone's data plan.

type Child = Node | string | number | false | null | undefined;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/** `h('button', { type: 'button', onclick: … }, 'Text')`; `on*` attributes become listeners, false/null are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what an element shows. */
export function show(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let announceTimer: number | undefined;

/** Says something to screen readers without moving focus (the page's polite live region). */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  window.clearTimeout(announceTimer);
  // A fresh text node after a tick, so the same message twice is read twice.
  announceTimer = window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}
