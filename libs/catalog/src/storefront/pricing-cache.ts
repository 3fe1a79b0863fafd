import { Injectable } from '@nestjs/common';
import { PricingOverride, PricingProduct } from '../rules/pricing';
import { CatalogReader, toPricingProduct } from './catalog-reader';

/** What one organisation's (or store's) entries were read at; a new version starts afresh. */
interface Versioned<T> {
  readonly version: number;
  /** `null`: looked up and not there, which is as worth remembering as a hit. */
  readonly entries: Map<string, T | null>;
}

const MAX_KEYS = 1000;
const MAX_ENTRIES = 20_000;

/**
 * Products and store overrides as pricing needs them, remembered per replica under the
 * organisation's catalogue version (bumped in the transaction of every catalogue write), and
 * filled lazily: a cart costs reads only for products this replica has not priced since the last
 * change. Slot lists and checkouts price the same few products over and over.
 *
 * A version is only trusted once read in the caller's transaction; a transaction that itself
 * changes the catalogue must not price through here before it commits (nothing does today).
 */
@Injectable()
export class PricingCache {
  private readonly products = new Map<string, Versioned<PricingProduct>>();
  private readonly overrides = new Map<string, Versioned<PricingOverride>>();

  constructor(private readonly reader: CatalogReader) {}

  async productsOf(organisationId: string, version: number, ids: readonly string[]): Promise<Map<string, PricingProduct>> {
    return found(
      await lookup(this.products, organisationId, version, ids, async (missing) => {
        const loaded = await this.reader.products(organisationId, { id: { $in: missing } });
        return new Map(loaded.products.map((p) => [p.id, toPricingProduct(p, loaded)]));
      }),
    );
  }

  async overridesOf(storeId: string, version: number, ids: readonly string[]): Promise<Map<string, PricingOverride>> {
    return found(await lookup(this.overrides, storeId, version, ids, (missing) => this.reader.overrides(storeId, missing)));
  }
}

async function lookup<T>(
  cache: Map<string, Versioned<T>>,
  key: string,
  version: number,
  ids: readonly string[],
  load: (missing: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T | null>> {
  let current = cache.get(key);
  if (!current || current.version !== version) current = { version, entries: new Map() };
  const result = new Map<string, T | null>();
  const missing: string[] = [];
  for (const id of ids) {
    const entry = current.entries.get(id);
    if (entry === undefined) missing.push(id);
    else result.set(id, entry);
  }
  if (missing.length === 0) return result;
  const loaded = await load(missing);
  if (current.entries.size + missing.length > MAX_ENTRIES) current = { version, entries: new Map() };
  for (const id of missing) {
    const entry = loaded.get(id) ?? null;
    current.entries.set(id, entry);
    result.set(id, entry);
  }
  // A slower request may come back with an older version than one stored meanwhile: keep the newer.
  const stored = cache.get(key);
  if (!stored || stored.version <= version) {
    if (!stored && cache.size >= MAX_KEYS) cache.delete(cache.keys().next().value as string);
    cache.set(key, current);
  }
  return result;
}

function found<T>(entries: Map<string, T | null>): Map<string, T> {
  const result = new Map<string, T>();
  for (const [id, value] of entries) if (value !== null) result.set(id, value);
  return result;
}
