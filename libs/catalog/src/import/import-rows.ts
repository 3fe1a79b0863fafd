import type { FieldProblem } from '@kassa/shared';
import { barcodeProblem } from '../rules/barcode';
import type { CsvRecord } from '../rules/csv';
import { SalesChannel } from '../rules/pricing';
import { percentToBasisPoints, vatRateProblem } from '../rules/vat-rates';

/** The columns of a catalogue CSV, in the documented order. */
export const IMPORT_COLUMNS = [
  'sku',
  'name_sv',
  'name_en',
  'description_sv',
  'description_en',
  'category',
  'price',
  'vat_rate',
  'barcode',
  'prep_minutes',
  'prep_minutes_per_extra_unit',
  'channels',
  'active',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['sku', 'name_sv', 'price', 'vat_rate'];

export interface ImportRow {
  readonly line: number;
  readonly sku: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly descriptionSv: string;
  readonly descriptionEn: string;
  /** Swedish category name; created when missing. Null leaves the product uncategorised. */
  readonly category: string | null;
  readonly price: number;
  readonly vatRate: number;
  readonly barcode: string | null;
  readonly prepMinutes: number;
  readonly prepMinutesPerExtraUnit: number | null;
  readonly channels: SalesChannel[];
  readonly active: boolean;
}

const CHANNELS: Record<string, SalesChannel[]> = {
  online: ['online'],
  pos: ['pos'],
  'online+pos': ['online', 'pos'],
  'pos+online': ['online', 'pos'],
};
const TRUE = new Set(['true', 'yes', 'ja', '1', 'x']);
const FALSE = new Set(['false', 'no', 'nej', '0']);

/** `39,00`, `39.5`, `1 234,50` kronor → öre. Undefined when it is not a price. */
export function parseKronor(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * Checks every row of a catalogue file and returns either the rows or every problem, each named
 * `line N: column` so a shop owner can fix the spreadsheet in one go.
 */
export function readImportRows(records: readonly CsvRecord[], allowedVatRates: readonly number[]): { rows: ImportRow[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ field: 'csv', reason: 'is empty; the first line must name the columns' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) problems.push({ field: `line ${header.line}: ${name || `column ${i + 1}`}`, reason: `is not a known column; use ${IMPORT_COLUMNS.join(', ')}` });
    else if (index.has(name)) problems.push({ field: `line ${header.line}: ${name}`, reason: 'appears twice in the header' });
    else index.set(name, i);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) problems.push({ field: `line ${header.line}: ${column}`, reason: 'is a required column and is missing' });
  }
  if (problems.length > 0) return { rows: [], problems };
  if (data.length === 0) return { rows: [], problems: [{ field: 'csv', reason: 'has a header but no products' }] };

  const rows: ImportRow[] = [];
  const skuLines = new Map<string, number>();
  const barcodeLines = new Map<string, number>();
  for (const record of data) {
    const at = (column: string) => `line ${record.line}: ${column}`;
    const refuse = (column: string, reason: string) => problems.push({ field: at(column), reason });
    if (record.fields.length !== names.length) {
      refuse('row', `has ${record.fields.length} fields, the header has ${names.length}`);
      continue;
    }
    const get = (column: Column) => {
      const i = index.get(column);
      return i === undefined ? '' : record.fields[i].trim();
    };
    const before = problems.length;

    const sku = get('sku');
    if (!sku) refuse('sku', 'is required');
    else if (sku.length > 64) refuse('sku', 'must be at most 64 characters');
    else if (skuLines.has(sku)) refuse('sku', `"${sku}" appears again (first on line ${skuLines.get(sku)})`);
    else skuLines.set(sku, record.line);

    const nameSv = get('name_sv');
    if (!nameSv) refuse('name_sv', 'is required');
    else if (nameSv.length > 200) refuse('name_sv', 'must be at most 200 characters');
    const nameEn = get('name_en') || nameSv;
    if (nameEn.length > 200) refuse('name_en', 'must be at most 200 characters');
    const descriptionSv = get('description_sv');
    const descriptionEn = get('description_en');
    if (descriptionSv.length > 5000) refuse('description_sv', 'must be at most 5000 characters');
    if (descriptionEn.length > 5000) refuse('description_en', 'must be at most 5000 characters');
    const category = get('category') || null;
    if (category && category.length > 200) refuse('category', 'must be at most 200 characters');

    const priceText = get('price');
    const price = parseKronor(priceText);
    if (price === undefined) refuse('price', priceText ? `"${priceText}" is not a price in kronor such as 39,00 or 39.00` : 'is required');

    const vatText = get('vat_rate').replace(/\s*%$/, '').replace(',', '.');
    const vatPercent = /^\d{1,3}(\.\d{1,2})?$/.test(vatText) ? Number(vatText) : undefined;
    const vatRate = vatPercent === undefined ? undefined : percentToBasisPoints(vatPercent);
    const vatProblem = vatRate === undefined ? 'must be a percentage such as 12 or 25' : vatRateProblem(vatRate, allowedVatRates);
    if (vatProblem) refuse('vat_rate', vatText ? `"${get('vat_rate')}" ${vatProblem}` : 'is required');

    const barcode = get('barcode') || null;
    if (barcode) {
      const problem = barcodeProblem(barcode);
      if (problem) refuse('barcode', `"${barcode}" ${problem}`);
      else if (barcodeLines.has(barcode)) refuse('barcode', `"${barcode}" appears again (first on line ${barcodeLines.get(barcode)})`);
      else barcodeLines.set(barcode, record.line);
    }

    const minutes = (column: Column, optional: boolean): number | null | undefined => {
      const text = get(column);
      if (!text) return optional ? null : 0;
      if (!/^\d{1,3}$/.test(text) || Number(text) > 600) {
        refuse(column, `"${text}" must be whole minutes between 0 and 600`);
        return undefined;
      }
      return Number(text);
    };
    const prepMinutes = minutes('prep_minutes', false);
    const prepMinutesPerExtraUnit = minutes('prep_minutes_per_extra_unit', true);

    const channelText = get('channels').toLowerCase().replace(/\s/g, '');
    const channels = channelText ? CHANNELS[channelText] : CHANNELS['online+pos'];
    if (!channels) refuse('channels', `"${get('channels')}" must be online, pos or online+pos`);

    const activeText = get('active').toLowerCase();
    const active = activeText === '' || TRUE.has(activeText) ? true : FALSE.has(activeText) ? false : undefined;
    if (active === undefined) refuse('active', `"${get('active')}" must be true or false (ja/nej, 1/0)`);

    if (problems.length > before) continue;
    rows.push({
      line: record.line,
      sku,
      nameSv,
      nameEn,
      descriptionSv,
      descriptionEn,
      category,
      price: price ?? 0,
      vatRate: vatRate ?? 0,
      barcode,
      prepMinutes: prepMinutes ?? 0,
      prepMinutesPerExtraUnit: prepMinutesPerExtraUnit ?? null,
      channels: channels ?? [],
      active: active ?? true,
    });
  }
  return { rows, problems };
}
