import { ReferenceKind } from '@mikro-orm/core';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The `insert` MikroORM's flush would send for these entities, to be sent as part of a bigger
 * statement (one round trip for rows of several tables, as a CTE). Columns and conversions (JSON,
 * dates) come from the entities' metadata, so a new column needs no change here. Scalar
 * properties only. The entities are not managed: write each row this way or by the unit of work,
 * never both.
 */
export function insertStatement<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly T[]): { sql: string; params: unknown[] } {
  const meta = em.getMetadata().get<T>(entity.name);
  const props = meta.props.filter((p) => p.persist !== false);
  const unsupported = props.find((p) => p.kind !== ReferenceKind.SCALAR);
  if (unsupported) throw new Error(`insertStatement: ${meta.className}.${String(unsupported.name)} is not a scalar property`);
  if (rows.length === 0) throw new Error(`insertStatement: no ${meta.className} to insert`);
  const platform = em.getPlatform();
  const columns = props.map((p) => platform.quoteIdentifier(p.fieldNames[0])).join(', ');
  const values = rows.map(() => `(${props.map(() => '?').join(', ')})`).join(', ');
  const params = rows.flatMap((row) =>
    props.map((p) => {
      const value = (row as Record<string, unknown>)[p.name as string] ?? null;
      return p.customType && value !== null ? p.customType.convertToDatabaseValue(value, platform, { mode: 'query' }) : value;
    }),
  );
  return { sql: `insert into ${platform.quoteIdentifier(meta.tableName)} (${columns}) values ${values}`, params };
}
