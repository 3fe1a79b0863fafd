/** `{a,b}`: a PostgreSQL array literal of ids, bound as one parameter to `?::uuid[]` (callers pass only validated uuids). */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
