import type { SearchRecord } from './records';

/**
 * Meilisearch filters built from validated values only: field names from an allow-list, every value
 * quoted with `\` and `"` escaped, so that no user text can change the filter's structure.
 */
export const filterableFields = [
  'documentId',
  'syncId',
  'schemeId',
  'themeId',
  'folderIds',
  'directorateCode',
  'scope',
  'audiences',
  'aidTypes',
  'availability',
  'docType',
  'fileType',
  'status',
  'updatedAt',
  'schemeClosesOnDay',
  'isPermanent',
  'schemeArchived',
  'isPrimary',
  'analysis',
] as const;
export type FilterableField = (typeof filterableFields)[number];

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `field IN ["a", "b"]`, for a field of the allow-list. */
export function anyOf(field: FilterableField, values: readonly string[]): string {
  if (!filterableFields.includes(field)) throw new Error(`not a filterable field: ${field}`);
  return `${field} IN [${values.map(quote).join(', ')}]`;
}

export function atLeast(field: FilterableField, value: number): string {
  if (!filterableFields.includes(field) || !Number.isFinite(value)) throw new Error(`bad numeric filter on ${field}`);
  return `${field} >= ${value}`;
}

export const and = (parts: string[]) =>
  parts
    .filter(Boolean)
    .map((p) => `(${p})`)
    .join(' AND ');

/**
 * What a search keeps, said once: Meilisearch reads it as a filter (`meiliFilter`), the PostgreSQL
 * fallback as a test of each record (`recordMatches`). Archived schemes are never kept.
 */
export interface SearchFilter {
  /** Per record field, the values of which it must hold at least one. */
  anyOf: Partial<Record<FilterableField, readonly string[]>>;
  /** Updated at or after (Unix seconds). */
  updatedSince?: number;
  /** Schemes closed before this day (days since 1970) are left out; undefined: closed schemes too. */
  openOnDay?: number;
}

export function meiliFilter(filter: SearchFilter): string {
  const parts = ['schemeArchived = false'];
  for (const [field, values] of Object.entries(filter.anyOf) as [FilterableField, readonly string[]][])
    if (values.length > 0) parts.push(anyOf(field, values));
  if (filter.updatedSince !== undefined) parts.push(atLeast('updatedAt', filter.updatedSince));
  if (filter.openOnDay !== undefined)
    parts.push(`isPermanent = true OR schemeClosesOnDay IS NULL OR ${atLeast('schemeClosesOnDay', filter.openOnDay)}`);
  return and(parts);
}

export function recordMatches(filter: SearchFilter, record: Pick<SearchRecord, FilterableField>): boolean {
  if (record.schemeArchived) return false;
  for (const [field, values] of Object.entries(filter.anyOf) as [FilterableField, readonly string[]][]) {
    if (values.length === 0) continue;
    const value = record[field];
    const held = Array.isArray(value) ? value : [value];
    if (!held.some((v) => values.includes(String(v)))) return false;
  }
  if (filter.updatedSince !== undefined && record.updatedAt < filter.updatedSince) return false;
  if (
    filter.openOnDay !== undefined &&
    !record.isPermanent &&
    record.schemeClosesOnDay !== null &&
    record.schemeClosesOnDay < filter.openOnDay
  )
    return false;
  return true;
}
