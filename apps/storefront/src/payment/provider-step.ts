import { announce, h, show } from '../dom';
import { t } from '../i18n';

/** The frame every provider step shares: a heading, the provider's own area, a problem line, a retry. */
export interface ProviderStepFrame {
  readonly section: HTMLElement;
  readonly area: HTMLElement;
  readonly actions: HTMLElement;
  problem(text: string | null): void;
  /** The provider's script did not come: say so and offer to try again. */
  loadFailed(retry: () => void): void;
}

export function providerStepFrame(title: string, hint: string | null): ProviderStepFrame {
  const area = h('div', { class: 'provider-area' }, h('p', { class: 'muted' }, t().loading));
  const problemLine = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const actions = h('div', { class: 'button-row' });
  const section = h(
    'section',
    { class: 'card payment-step', 'aria-labelledby': 'payment-step-title' },
    h('h2', { id: 'payment-step-title' }, title),
    hint ? h('p', { class: 'muted small' }, hint) : null,
    area,
    problemLine,
    actions,
  );
  const problem = (text: string | null) => {
    problemLine.textContent = text ?? '';
    problemLine.hidden = text === null;
    if (text) announce(text);
  };
  return {
    section,
    area,
    actions,
    problem,
    loadFailed(retry) {
      show(area);
      problem(t().providerLoadFailed);
      show(actions, h('button', { type: 'button', class: 'button', onclick: () => (problem(null), retry()) }, t().retry));
    },
  };
}
