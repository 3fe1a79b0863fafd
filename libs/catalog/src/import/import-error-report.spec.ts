import { parseCsv } from '../rules/csv';
import { SWEDISH_VAT_RATES_BP } from '../rules/vat-rates';
import { readImportRows } from './import-rows';

const read = (text: string) => readImportRows(parseCsv(text).records, SWEDISH_VAT_RATES_BP);

describe('the report of a catalogue file with mistakes', () => {
  it('lists every bad row with its line number and the reason, keeping none of the rows', () => {
    const text = [
      'sku;name_sv;price;vat_rate;barcode;channels;active',
      'BULLE;Kanelbulle;39,00;12;;online+pos;ja',
      'KAKA;;29,50;12;;pos;ja',
      'MUGG;Mugg;tjugo;25;;online;ja',
      'BULLE;Kanelbulle igen;39;12;;online;ja',
      'TE;Te;29;13;7310865004704;both;kanske',
    ].join('\n');
    const { problems } = read(text);
    expect(problems).toEqual([
      { field: 'line 3: name_sv', reason: 'is required' },
      { field: 'line 4: price', reason: '"tjugo" is not a price in kronor such as 39,00 or 39.00' },
      { field: 'line 5: sku', reason: '"BULLE" appears again (first on line 2)' },
      { field: 'line 6: vat_rate', reason: '"13" must be one of 25, 12, 6, 0 (percent)' },
      { field: 'line 6: barcode', reason: '"7310865004704" has a wrong check digit (expected 3)' },
      { field: 'line 6: channels', reason: '"both" must be online, pos or online+pos' },
      { field: 'line 6: active', reason: '"kanske" must be true or false (ja/nej, 1/0)' },
    ]);
  });

  it('names unknown and missing columns on the header line', () => {
    expect(read('sku,namn,price\nA,B,1').problems).toEqual([
      { field: 'line 1: namn', reason: expect.stringContaining('is not a known column') },
      { field: 'line 1: name_sv', reason: 'is a required column and is missing' },
      { field: 'line 1: vat_rate', reason: 'is a required column and is missing' },
    ]);
  });

  it('reads kronor with a comma or a dot into öre, and defaults the optional columns', () => {
    const { rows, problems } = read('sku,name_sv,price,vat_rate\nA,Kaffe,35,12\nB,Latte,"1 049,5",12 %\nC,Te,29.90,12');
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.price)).toEqual([3500, 104950, 2990]);
    expect(rows[1]).toMatchObject({ nameEn: 'Latte', vatRate: 1200, channels: ['online', 'pos'], active: true, prepMinutes: 0, prepMinutesPerExtraUnit: null, barcode: null, category: null });
  });
});
