/** The filters of a list page, kept in its address (so that Back, a reload or a shared link keep them). */

/** Only the filters given a value, in a fixed order: what the API and the address carry. */
export function filtersOf<K extends string>(params: URLSearchParams, keys: readonly K[]): Partial<Record<K, string>> {
  const filters: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function queryOf(filters: Partial<Record<string, string>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params.toString();
}
