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

export const and = (parts: string[]) => parts.filter(Boolean).map((p) => `(${p})`).join(' AND ');
