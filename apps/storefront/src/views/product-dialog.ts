import type { ModifierGroup, Product } from '../api/types';
import { announce, h } from '../dom';
import { money } from '../format';
import { locale, named, t } from '../i18n';
import { cart } from '../state/cart';

/** What a group asks for, e.g. "Required · Choose 1". */
function rule(group: ModifierGroup): string {
  const { minSelections: min, maxSelections: max } = group;
  const count = min === max ? t().chooseExactly(max) : min === 0 ? t().chooseUpTo(max) : t().chooseBetween(min, max);
  return min > 0 ? `${t().required} · ${count}` : count;
}

function optionLabel(name: string, delta: number, currency: string): string {
  return delta === 0 ? name : `${name} (${delta > 0 ? '+' : '−'}${money(Math.abs(delta), currency)})`;
}

/** Radio buttons for a one-choice group (with "none" when optional), checkboxes up to the maximum otherwise. */
function groupFieldset(group: ModifierGroup, currency: string): HTMLFieldSetElement {
  const single = group.maxSelections === 1;
  const inputs: HTMLElement[] = [];
  if (single && group.minSelections === 0) {
    inputs.push(h('label', { class: 'choice' }, h('input', { type: 'radio', name: group.id, value: '', checked: true }), t().none));
  }
  for (const option of group.options) {
    inputs.push(
      h('label', { class: 'choice' }, h('input', { type: single ? 'radio' : 'checkbox', name: group.id, value: option.id }), optionLabel(named(option), option.priceDelta, currency)),
    );
  }
  const fieldset = h('fieldset', { class: 'modifier-group', 'data-group': group.id }, h('legend', {}, named(group), h('span', { class: 'rule' }, ` ${rule(group)}`)), ...inputs);
  if (!single) {
    // Past the maximum the other boxes are disabled, so the limit is felt, not just told.
    fieldset.addEventListener('change', () => {
      const boxes = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
      const full = boxes.filter((box) => box.checked).length >= group.maxSelections;
      for (const box of boxes) box.disabled = full && !box.checked;
    });
  }
  return fieldset;
}

const description = (product: Product): string => (locale() === 'sv' ? product.descriptionSv : product.descriptionEn || product.descriptionSv);

/** The product's options, quantity and note in a modal dialog; closes with Esc, focus returns to the opener. */
export function openProductDialog(product: Product, currency: string, opener: HTMLElement): void {
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const quantity = h('input', { type: 'number', id: 'dialog-quantity', name: 'quantity', min: 1, max: 99, value: 1, inputmode: 'numeric', required: true });
  const note = h('textarea', { id: 'dialog-note', name: 'note', maxlength: 200, rows: 2, placeholder: t().notePlaceholder });
  const groups = product.modifierGroups.map((group) => groupFieldset(group, currency));
  const form = h(
    'form',
    { method: 'dialog', class: 'product-form' },
    h('h2', { id: 'dialog-title' }, named(product)),
    description(product) ? h('p', { class: 'muted' }, description(product)) : null,
    ...groups,
    h('div', { class: 'field' }, h('label', { for: 'dialog-quantity' }, t().quantity), quantity),
    h('div', { class: 'field' }, h('label', { for: 'dialog-note' }, t().note), note),
    problem,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'button primary', value: 'add' }, t().addToCart),
      h('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, t().close),
    ),
  );
  const dialog = h('dialog', { class: 'product-dialog', 'aria-labelledby': 'dialog-title' }, form);

  form.addEventListener('submit', (event) => {
    const chosen = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value).filter(Boolean);
    const missing = product.modifierGroups.find((group) => group.options.filter((option) => chosen.includes(option.id)).length < group.minSelections);
    const count = Math.trunc(Number(quantity.value));
    if (missing || !(count >= 1 && count <= 99)) {
      event.preventDefault();
      problem.textContent = missing ? t().mustChoose(named(missing), missing.minSelections) : `${t().quantity}: 1–99`;
      problem.hidden = false;
      const focusTarget = missing ? form.querySelector<HTMLInputElement>(`[data-group="${missing.id}"] input`) : quantity;
      focusTarget?.focus();
      return;
    }
    cart.add(product, chosen, note.value, count);
    announce(t().added(named(product)));
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}
