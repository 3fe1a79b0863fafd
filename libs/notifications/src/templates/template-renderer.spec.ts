import { escapeHtml, parseTemplate, ParsedTemplate, renderTemplate, unknownPlaceholders } from './template-renderer';

function parsed(source: string): ParsedTemplate {
  const outcome = parseTemplate(source);
  if (!outcome.ok) throw new Error(outcome.problems.join('; '));
  return outcome.template;
}

const HTML = { escapeValue: escapeHtml, escapeText: escapeHtml };

describe('template renderer', () => {
  it('fills in values, with Swedish letters intact', () => {
    expect(renderTemplate(parsed('Hej {{ customerName }}! Order {{orderNumber}}.'), { customerName: 'Åsa Öberg', orderNumber: 'A-042' })).toBe('Hej Åsa Öberg! Order A-042.');
  });

  it('loops over a list with the element’s fields in scope, and outer values still visible', () => {
    const template = parsed('{{#items}}\n{{quantity}} × {{name}} ({{storeName}})\n{{/items}}\nTotalt');
    const text = renderTemplate(template, { storeName: 'Kafé', items: [{ quantity: 2, name: 'Kanelbulle' }, { quantity: 1, name: 'Kaffe' }] });
    expect(text).toBe('2 × Kanelbulle (Kafé)\n1 × Kaffe (Kafé)\nTotalt');
  });

  it('shows a section once when its value is present and an inverted one when it is absent', () => {
    const template = parsed('{{name}}{{#note}} – {{note}}{{/note}}{{^note}} (ingen kommentar){{/note}}');
    expect(renderTemplate(template, { name: 'Bulle', note: 'Värm gärna' })).toBe('Bulle – Värm gärna');
    expect(renderTemplate(template, { name: 'Bulle', note: null })).toBe('Bulle (ingen kommentar)');
    expect(renderTemplate(template, { name: 'Bulle', note: '' })).toBe('Bulle (ingen kommentar)');
  });

  it('escapes values and text for HTML, so a customer’s name cannot inject markup', () => {
    const html = renderTemplate(parsed('<b>{{customerName}}</b> & co'), { customerName: '<script>alert("x")</script>' }, HTML);
    expect(html).toBe('&lt;b&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;/b&gt; &amp; co');
  });

  it('names placeholders the schema does not offer, list fields only inside their list', () => {
    const schema = { values: ['customerName'], lists: { items: ['name', 'quantity'] } };
    expect(unknownPlaceholders(parsed('{{customerName}} {{discountCode}} {{#items}}{{name}}{{/items}} {{name}} {{#foo}}{{/foo}}'), schema)).toEqual(['discountCode', 'name', 'foo']);
    expect(unknownPlaceholders(parsed('{{#items}}{{quantity}} {{customerName}}{{/items}}'), schema)).toEqual([]);
  });

  it('refuses broken syntax, saying what is wrong', () => {
    const refusals = (source: string) => {
      const outcome = parseTemplate(source);
      return outcome.ok ? [] : outcome.problems;
    };
    expect(refusals('{{#items}}x')).toEqual(['{{#items}} is never closed with {{/items}}']);
    expect(refusals('x{{/items}}')).toEqual(['{{/items}} closes nothing']);
    expect(refusals('{{#a}}{{/b}}{{/a}}')).toEqual(['{{/b}} closes nothing; {{#a}} is still open']);
    expect(refusals('Hej {{customer name}}')).toEqual(['"{{customer name}}" is not a placeholder; write {{name}}, {{#list}}…{{/list}} or {{^name}}…{{/name}}']);
    expect(refusals('Hej {{customerName')).toEqual(['a "{{" is never closed with "}}"']);
  });
});
