/**
 * A small, logic-less template language (a subset of Mustache), so store owners can word their
 * messages without being able to run code or break the layout:
 *
 *   {{name}}                 a value (HTML-escaped in the HTML part of an e-mail)
 *   {{#items}}…{{/items}}    once per element of a list, with the element's fields in scope
 *   {{#note}}…{{/note}}      once if the value is present (not empty, not false)
 *   {{^note}}…{{/note}}      once if it is absent
 *
 * A section tag alone on its line takes the line with it, as in Mustache.
 */

export type TemplateValue = string | number | boolean | null | undefined | readonly TemplateContext[];
export interface TemplateContext {
  readonly [name: string]: TemplateValue;
}

type Node =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'value'; readonly name: string }
  | { readonly type: 'section'; readonly name: string; readonly inverted: boolean; readonly children: readonly Node[] };

export interface ParsedTemplate {
  readonly nodes: readonly Node[];
}

/** Which names a template may use: scalars, and lists with the fields of their elements. */
export interface TemplateSchema {
  readonly values: readonly string[];
  readonly lists: Readonly<Record<string, readonly string[]>>;
}

export type ParseOutcome = { readonly ok: true; readonly template: ParsedTemplate } | { readonly ok: false; readonly problems: string[] };

const TAG = /\{\{([\s\S]*?)\}\}/g;
const TAG_BODY = /^([#^/]?)\s*([A-Za-z][A-Za-z0-9_]*)$/;

type Token = { type: 'text'; value: string } | { type: 'tag'; sigil: '' | '#' | '^' | '/'; name: string };

function tokenize(source: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const at = match.index ?? 0;
    if (at > last) tokens.push({ type: 'text', value: source.slice(last, at) });
    last = at + match[0].length;
    const body = TAG_BODY.exec(match[1].trim());
    if (!body) {
      problems.push(`"${match[0]}" is not a placeholder; write {{name}}, {{#list}}…{{/list}} or {{^name}}…{{/name}}`);
      continue;
    }
    tokens.push({ type: 'tag', sigil: body[1] as '' | '#' | '^' | '/', name: body[2] });
  }
  if (last < source.length) tokens.push({ type: 'text', value: source.slice(last) });
  for (const token of tokens) {
    if (token.type === 'text' && token.value.includes('{{')) problems.push('a "{{" is never closed with "}}"');
  }
  return standalone(tokens);
}

/** A section tag with nothing else on its line removes the line (its indentation and line break). */
function standalone(tokens: Token[]): Token[] {
  const out = tokens.map((t) => ({ ...t }));
  out.forEach((token, i) => {
    if (token.type !== 'tag' || token.sigil === '') return;
    const before = out[i - 1];
    const after = out[i + 1];
    const beforeText = before?.type === 'text' ? before.value : i === 0 ? '' : null;
    const afterText = after?.type === 'text' ? after.value : i === out.length - 1 ? '' : null;
    if (beforeText === null || afterText === null) return;
    const lineStart = /(^|\n)[ \t]*$/.exec(beforeText);
    const lineEnd = /^[ \t]*(\r?\n|$)/.exec(afterText);
    if (!lineStart || !lineEnd) return;
    if (before?.type === 'text') before.value = beforeText.slice(0, beforeText.length - lineStart[0].length + lineStart[1].length);
    if (after?.type === 'text') after.value = afterText.slice(lineEnd[0].length);
  });
  return out;
}

export function parseTemplate(source: string): ParseOutcome {
  const problems: string[] = [];
  const tokens = tokenize(source, problems);
  const stack: Array<{ name: string; inverted: boolean; children: Node[] }> = [{ name: '', inverted: false, children: [] }];
  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (token.type === 'text') {
      if (token.value) top.children.push({ type: 'text', value: token.value });
    } else if (token.sigil === '#' || token.sigil === '^') {
      stack.push({ name: token.name, inverted: token.sigil === '^', children: [] });
    } else if (token.sigil === '/') {
      if (stack.length === 1 || top.name !== token.name) {
        problems.push(`{{/${token.name}}} closes nothing${stack.length > 1 ? `; {{#${top.name}}} is still open` : ''}`);
        continue;
      }
      stack.pop();
      stack[stack.length - 1].children.push({ type: 'section', name: top.name, inverted: top.inverted, children: top.children });
    } else {
      top.children.push({ type: 'value', name: token.name });
    }
  }
  for (const open of stack.slice(1)) problems.push(`{{${open.inverted ? '^' : '#'}${open.name}}} is never closed with {{/${open.name}}}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: { nodes: stack[0].children } };
}

/** Names the template uses that the schema does not offer, in order of appearance. */
export function unknownPlaceholders(template: ParsedTemplate, schema: TemplateSchema): string[] {
  const unknown: string[] = [];
  const visit = (nodes: readonly Node[], scope: ReadonlySet<string>) => {
    for (const node of nodes) {
      if (node.type === 'text') continue;
      if (!scope.has(node.name) && !unknown.includes(node.name)) unknown.push(node.name);
      if (node.type === 'section') {
        const fields = !node.inverted && Object.hasOwn(schema.lists, node.name) ? schema.lists[node.name] : [];
        visit(node.children, new Set([...scope, ...fields]));
      }
    }
  };
  visit(template.nodes, new Set([...schema.values, ...Object.keys(schema.lists)]));
  return unknown;
}

export interface RenderOptions {
  /** Applied to every value (HTML-escaping for the HTML part). */
  readonly escapeValue: (value: string) => string;
  /** Applied to the template's own text. */
  readonly escapeText: (text: string) => string;
}

export const PLAIN: RenderOptions = { escapeValue: (v) => v, escapeText: (t) => t };

export function renderTemplate(template: ParsedTemplate, context: TemplateContext, options: RenderOptions = PLAIN): string {
  const render = (nodes: readonly Node[], scopes: readonly TemplateContext[]): string =>
    nodes
      .map((node) => {
        if (node.type === 'text') return options.escapeText(node.value);
        const value = lookup(scopes, node.name);
        if (node.type === 'value') return Array.isArray(value) ? '' : options.escapeValue(value === null || value === undefined || value === false ? '' : String(value));
        const present = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && value !== false && value !== '';
        if (node.inverted) return present ? '' : render(node.children, scopes);
        if (!present) return '';
        if (Array.isArray(value)) return (value as readonly TemplateContext[]).map((element) => render(node.children, [element, ...scopes])).join('');
        return render(node.children, scopes);
      })
      .join('');
  return render(template.nodes, [context]);
}

function lookup(scopes: readonly TemplateContext[], name: string): TemplateValue {
  for (const scope of scopes) if (Object.hasOwn(scope, name)) return scope[name];
  return undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
