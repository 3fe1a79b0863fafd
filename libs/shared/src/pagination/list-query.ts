import { CommonError, FieldProblem } from '../errors';
import { isUuid } from '../ids';

/**
 * Admin lists speak react-admin's `ra-data-simple-rest`: `sort=["name","ASC"]`,
 * `range=[0,24]`, `filter={"q":"café"}`; the answer carries `Content-Range: stores 0-24/319`.
 */
export interface ListQuery<Filter extends object = Record<string, unknown>> {
  readonly offset: number;
  readonly limit: number;
  readonly sort: { readonly field: string; readonly order: 'ASC' | 'DESC' };
  readonly filter: Filter;
}

export interface ListSpec {
  readonly sortable: readonly string[];
  readonly defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** Filter keys and the type each must have; `id` (one or many row ids) is always allowed. */
  readonly filters: Readonly<Record<string, FilterType>>;
  readonly maxLimit?: number;
}

/** `uuid[]` also accepts a single id; ids are checked here so a bad one is a 400, not a database error. */
export type FilterType = 'string' | 'boolean' | 'string[]' | 'uuid' | 'uuid[]';

export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly offset: number;
}

export interface RawListParams {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

const DEFAULT_LIMIT = 25;

export function parseListQuery(raw: RawListParams, spec: ListSpec): ListQuery {
  const problems: FieldProblem[] = [];
  const sort = parseSort(raw.sort, spec, problems);
  const { offset, limit } = parseRange(raw.range, spec.maxLimit ?? 500, problems);
  const filter = parseFilter(raw.filter, spec, problems);
  if (problems.length > 0) throw CommonError.validation(problems);
  return { offset, limit, sort, filter };
}

function parseJson(value: unknown, field: string, problems: FieldProblem[]): unknown {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.push({ field, reason: 'must be given once, as a JSON string' });
    return undefined;
  }
  try {
    return JSON.parse(value);
  } catch {
    problems.push({ field, reason: 'must be valid JSON' });
    return undefined;
  }
}

function parseSort(value: unknown, spec: ListSpec, problems: FieldProblem[]): ListQuery['sort'] {
  const parsed = parseJson(value, 'sort', problems);
  if (parsed === undefined) return spec.defaultSort;
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    (parsed[1] !== 'ASC' && parsed[1] !== 'DESC')
  ) {
    problems.push({ field: 'sort', reason: 'must be ["field","ASC"|"DESC"]' });
    return spec.defaultSort;
  }
  if (!spec.sortable.includes(parsed[0])) {
    problems.push({ field: 'sort', reason: `cannot sort by "${parsed[0]}"; use one of ${spec.sortable.join(', ')}` });
    return spec.defaultSort;
  }
  return { field: parsed[0], order: parsed[1] };
}

function parseRange(
  value: unknown,
  maxLimit: number,
  problems: FieldProblem[],
): { offset: number; limit: number } {
  const parsed = parseJson(value, 'range', problems);
  if (parsed === undefined) return { offset: 0, limit: DEFAULT_LIMIT };
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !parsed.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    parsed[1] < parsed[0]
  ) {
    problems.push({ field: 'range', reason: 'must be [first, last] with 0 ≤ first ≤ last' });
    return { offset: 0, limit: DEFAULT_LIMIT };
  }
  const limit = parsed[1] - parsed[0] + 1;
  if (limit > maxLimit) {
    problems.push({ field: 'range', reason: `may span at most ${maxLimit} rows` });
  }
  return { offset: parsed[0], limit: Math.min(limit, maxLimit) };
}

function parseFilter(value: unknown, spec: ListSpec, problems: FieldProblem[]): Record<string, unknown> {
  const parsed = parseJson(value, 'filter', problems);
  if (parsed === undefined) return {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push({ field: 'filter', reason: 'must be a JSON object' });
    return {};
  }
  const types: Record<string, FilterType> = { id: 'uuid[]', ...spec.filters };
  const filter: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(parsed)) {
    const type = types[key];
    if (!type) {
      problems.push({ field: `filter.${key}`, reason: 'is not a filter of this list' });
      continue;
    }
    if (!filterValueFits(type, v)) {
      problems.push({ field: `filter.${key}`, reason: FILTER_REASONS[type] });
      continue;
    }
    filter[key] = type.endsWith('[]') && !Array.isArray(v) ? [v] : v;
  }
  return filter;
}

const FILTER_REASONS: Record<FilterType, string> = {
  string: 'must be a string',
  boolean: 'must be a boolean',
  'string[]': 'must be a string or strings',
  uuid: 'must be an id',
  'uuid[]': 'must be an id or ids',
};

function filterValueFits(type: FilterType, value: unknown): boolean {
  const isId = (x: unknown) => typeof x === 'string' && isUuid(x);
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) ? value.every((x) => typeof x === 'string') : typeof value === 'string';
    case 'uuid':
      return isId(value);
    case 'uuid[]':
      return Array.isArray(value) ? value.every(isId) : isId(value);
  }
}

export function contentRange(resource: string, page: ListPage<unknown>): string {
  const last = page.items.length === 0 ? page.offset : page.offset + page.items.length - 1;
  return `${resource} ${page.offset}-${last}/${page.total}`;
}

/** Escapes a free-text search for a SQL LIKE pattern. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
