import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { InventoryService, StockTracking } from '@kassa/inventory';
import { FieldProblem, newId } from '@kassa/shared';
import { CategoriesService } from '../admin/categories.service';
import { CatalogSettingsService } from '../catalog-settings.service';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { barcodeVariants } from '../rules/barcode';
import { parseCsv } from '../rules/csv';
import { ImportRow, readImportRows } from './import-rows';

export interface CatalogImportResult {
  readonly created: number;
  readonly updated: number;
  readonly rows: number;
}

export interface CatalogImportOptions {
  readonly dryRun?: boolean;
  /** Called as rows are written: for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

const CHUNK = 500;

/**
 * Upserts products by SKU from a CSV file. The whole file is checked first and every problem is
 * reported with its line; nothing is written unless every row is good. Runs in the caller's
 * transaction, so the import is all or nothing.
 */
@Injectable()
export class CatalogImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: CatalogSettingsService,
    private readonly categories: CategoriesService,
    private readonly inventory: InventoryService,
  ) {}

  async importCsv(organisationId: string, csv: string, options: CatalogImportOptions = {}): Promise<CatalogImportResult> {
    const parsed = parseCsv(csv);
    if (parsed.problem) throw CatalogError.refused(CatalogErrorCode.IMPORT_INVALID, [{ field: 'csv', reason: parsed.problem }], 'The file cannot be imported');
    const { rows, problems } = readImportRows(parsed.records, await this.settings.vatRates(organisationId));
    const existing = await this.em.execute<ExistingProduct[]>(
      'select id, sku, barcode, name_sv from catalog_product where organisation_id = ?',
      [organisationId],
    );
    const bySku = new Map(existing.map((p) => [p.sku, p]));
    problems.push(...barcodeClashes(rows, existing));
    if (problems.length > 0) {
      problems.sort((a, b) => lineOf(a) - lineOf(b));
      throw CatalogError.refused(CatalogErrorCode.IMPORT_INVALID, problems, `${new Set(problems.map(lineOf)).size} row(s) cannot be imported`);
    }
    const updated = rows.filter((r) => bySku.has(r.sku)).length;
    const result = { created: rows.length - updated, updated, rows: rows.length };
    if (options.dryRun) return result;

    const names = [...new Set(rows.map((r) => r.category).filter((c): c is string => c !== null))];
    const categoryIds = await this.categories.findOrCreateByName(organisationId, names);
    const updatedIds = rows.flatMap((r) => bySku.get(r.sku)?.id ?? []);
    const tracking = updatedIds.length ? await this.inventory.productTracking(updatedIds) : new Map<string, StockTracking>();
    for (let start = 0; start < rows.length; start += CHUNK) {
      await this.upsert(organisationId, rows.slice(start, start + CHUNK), categoryIds);
      options.onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
    }
    // Inventory names a tracked product's own stock after it; keep that name in step.
    for (const row of rows) {
      const current = bySku.get(row.sku);
      const stock = current ? tracking.get(current.id) : undefined;
      if (current && stock && stock.mode !== 'untracked' && current.name_sv !== row.nameSv) {
        await this.inventory.configureProduct(organisationId, { productId: current.id, sku: row.sku, name: row.nameSv }, stock);
      }
    }
    await this.settings.changed(organisationId, 'import');
    return result;
  }

  /**
   * One statement per chunk: thousands of rows through the unit of work would spend most of the
   * time tracking entities. Image and modifier groups are not in the file and stay as they are.
   */
  private async upsert(organisationId: string, rows: readonly ImportRow[], categoryIds: Map<string, string>): Promise<void> {
    const now = new Date();
    const values: unknown[] = [];
    for (const row of rows) {
      values.push(
        newId(), organisationId, row.sku, row.nameSv, row.nameEn, row.descriptionSv, row.descriptionEn,
        row.category ? categoryIds.get(row.category) ?? null : null, row.price, row.vatRate, row.barcode,
        row.prepMinutes, row.prepMinutesPerExtraUnit, `{${row.channels.join(',')}}`, row.active, now, now,
      );
    }
    const tuple = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], \'{}\', ?, ?, ?)';
    await this.em.execute(
      `insert into catalog_product (id, organisation_id, sku, name_sv, name_en, description_sv, description_en, category_id, price,
         vat_rate, barcode, prep_minutes, prep_minutes_per_extra_unit, channels, modifier_group_ids, active, created_at, updated_at)
       values ${rows.map(() => tuple).join(', ')}
       on conflict (organisation_id, sku) do update set
         name_sv = excluded.name_sv, name_en = excluded.name_en, description_sv = excluded.description_sv,
         description_en = excluded.description_en, category_id = excluded.category_id, price = excluded.price,
         vat_rate = excluded.vat_rate, barcode = excluded.barcode, prep_minutes = excluded.prep_minutes,
         prep_minutes_per_extra_unit = excluded.prep_minutes_per_extra_unit, channels = excluded.channels,
         active = excluded.active, updated_at = excluded.updated_at`,
      values,
    );
  }
}

interface ExistingProduct {
  readonly id: string;
  readonly sku: string;
  readonly barcode: string | null;
  readonly name_sv: string;
}

/**
 * A barcode another existing product carries, in any of its forms. Moving a code between two
 * products takes two imports (or the admin form), so no row ever collides mid-write.
 */
function barcodeClashes(rows: readonly ImportRow[], existing: readonly ExistingProduct[]): FieldProblem[] {
  const owner = new Map<string, string>();
  for (const p of existing) if (p.barcode) for (const v of barcodeVariants(p.barcode)) owner.set(v, p.sku);
  return rows.flatMap((row) => {
    const sku = row.barcode ? owner.get(row.barcode) : undefined;
    return sku && sku !== row.sku ? [{ field: `line ${row.line}: barcode`, reason: `"${row.barcode}" is already used by product ${sku}` }] : [];
  });
}

function lineOf(problem: FieldProblem): number {
  return Number(/^line (\d+)/.exec(problem.field)?.[1] ?? 0);
}
