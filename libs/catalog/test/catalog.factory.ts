import type TestAgent from 'supertest/lib/agent';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplicationContext } from '@nestjs/common';
import { applyTenancy } from '@kassa/shared';
import { withCheckDigit } from '../src/rules/barcode';

let counter = 0;
const next = () => (counter += 1);

/** A unique, valid EAN-13 for each call. */
export function freshBarcode(): string {
  return withCheckDigit(`735999${String(next()).padStart(6, '0')}`);
}

async function post<T>(http: TestAgent, auth: string, path: string, body: object, status = 201): Promise<T> {
  const response = await http.post(path).set('Authorization', auth).send(body);
  if (response.status !== status) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export function createCategory(http: TestAgent, auth: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; nameSv: string }> {
  return post(http, auth, '/api/v1/admin/categories', { nameSv: `Kategori ${next()}`, nameEn: 'Category', ...overrides });
}

export function createModifierGroup(http: TestAgent, auth: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; options: Array<{ id: string; nameSv: string; priceDelta: number }> }> {
  return post(http, auth, '/api/v1/admin/modifier-groups', {
    nameSv: 'Storlek',
    nameEn: 'Size',
    minSelections: 1,
    maxSelections: 1,
    options: [
      { nameSv: 'Liten', nameEn: 'Small', priceDelta: 0 },
      { nameSv: 'Stor', nameEn: 'Large', priceDelta: 1000 },
    ],
    ...overrides,
  });
}

export interface ProductRecord {
  id: string;
  sku: string;
  nameSv: string;
  price: number;
  vatRate: number;
  barcode: string | null;
  modifierGroupIds: string[];
  stock: { mode: string };
}

export function productInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = next();
  return { sku: `SKU-${n}`, nameSv: `Produkt ${n}`, nameEn: `Product ${n}`, price: 3900, vatRate: 12, ...overrides };
}

export function createProduct(http: TestAgent, auth: string, overrides: Record<string, unknown> = {}): Promise<ProductRecord> {
  return post(http, auth, '/api/v1/admin/products', productInput(overrides));
}

export function createOverride(http: TestAgent, auth: string, body: Record<string, unknown>): Promise<{ id: string; soldOutDate: string | null }> {
  return post(http, auth, '/api/v1/admin/product-overrides', body);
}

/** Runs system work the way first start does: a forked, unscoped entity manager in a transaction. */
export async function asSystem<T>(app: INestApplicationContext, work: () => Promise<T>): Promise<T> {
  const em = app.get(MikroORM).em.fork() as EntityManager;
  applyTenancy(em, 'unscoped');
  return em.transactional(() => work());
}

/** A catalogue CSV of `rows` products, with a barcode on every other one. */
export function catalogueCsv(rows: number, prefix = 'GEN'): string {
  const lines = ['sku;name_sv;name_en;description_sv;description_en;category;price;vat_rate;barcode;prep_minutes;prep_minutes_per_extra_unit;channels;active'];
  for (let i = 1; i <= rows; i++) {
    const barcode = i % 2 === 0 ? withCheckDigit(`7351${String(i).padStart(8, '0')}`) : '';
    lines.push(`${prefix}-${i};"Vara ${i}, hemgjord";Item ${i};"Beskrivning ""${i}""";Description;${['Bakverk', 'Dryck', 'Deli'][i % 3]};${19 + (i % 80)},${i % 2 ? '50' : '00'};12;${barcode};${i % 5};;online+pos;ja`);
  }
  return lines.join('\r\n');
}
