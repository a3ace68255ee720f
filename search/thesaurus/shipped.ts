import { readFileSync } from 'node:fs';

/** What every data file shipped in this folder says of itself (see README.md beside it). */
export interface ShippedHeader {
  name: string;
  version: string;
  licence: string;
  sources: Record<string, string>;
}

/** A data file of this folder, read and parsed once per process by its caller. */
export const readShipped = <T extends ShippedHeader>(file: string): T =>
  JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as T;
