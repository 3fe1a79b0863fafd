/**
 * `{a,b}`: a PostgreSQL array literal, bound as one parameter to `?::uuid[]`, `?::int[]` or
 * `?::boolean[]` (MikroORM would spread a JavaScript array into a list). Only for values that
 * need no quoting: validated uuids, numbers, booleans.
 */
export function sqlArray(values: readonly (string | number | boolean)[]): string {
  return `{${values.join(',')}}`;
}

/** `{a,b}` for `?::uuid[]` (callers pass only validated uuids). */
export const uuidArray: (ids: readonly string[]) => string = sqlArray;
