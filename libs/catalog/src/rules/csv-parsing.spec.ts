import { parseCsv } from './csv';

describe('reading catalogue CSV files', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, counting file lines', () => {
    const text = 'sku,name_sv,description_sv\nA1,"Bulle, kanel","Säg ""hej""\nmed ny rad"\nA2,Kaka,\n';
    const { records } = parseCsv(text);
    expect(records).toEqual([
      { line: 1, fields: ['sku', 'name_sv', 'description_sv'] },
      { line: 2, fields: ['A1', 'Bulle, kanel', 'Säg "hej"\nmed ny rad'] },
      { line: 4, fields: ['A2', 'Kaka', ''] },
    ]);
  });

  it('reads a Swedish Excel export: BOM, semicolons, CRLF and decimal commas', () => {
    const text = '\uFEFFsku;name_sv;price\r\nA1;Kanelbulle;39,00\r\n\r\nA2;"Te; grönt";29,50\r\n';
    const parsed = parseCsv(text);
    expect(parsed.separator).toBe(';');
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ['sku', 'name_sv', 'price'],
      ['A1', 'Kanelbulle', '39,00'],
      ['A2', 'Te; grönt', '29,50'],
    ]);
    expect(parsed.records[2].line).toBe(4);
  });

  it('reports a quote that is never closed with its line', () => {
    expect(parseCsv('sku,name_sv\nA1,"Bulle\n').problem).toBe('line 2: a quoted field is never closed');
  });
});
