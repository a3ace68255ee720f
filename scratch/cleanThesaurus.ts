import { readFileSync, writeFileSync } from 'node:fs';
import { stemText } from '../search/french';
const path = 'search/thesaurus/fr-region.json';
const data = JSON.parse(readFileSync(path, 'utf8'));
const key = (t: string) => stemText(t) || t;
const seenEquivalent = new Map<string, string>();
let removed = 0;
for (const entry of data.entries) {
  const dedupe = (terms: string[], taken: Set<string>) => terms.filter((t) => { const k = key(t); if (taken.has(k)) { removed++; return false; } taken.add(k); return true; });
  if (entry.kind === 'equivalent') {
    const taken = new Set<string>();
    entry.terms = dedupe(entry.terms, taken).filter((t: string) => { const k = key(t); const owner = seenEquivalent.get(k); if (owner && owner !== entry.id) { removed++; return false; } return true; });
    for (const t of entry.terms) seenEquivalent.set(key(t), entry.id);
  } else {
    const taken = new Set<string>();
    entry.from = dedupe(entry.from, taken);
    entry.to = dedupe(entry.to, taken);
  }
}
const before = data.entries.length;
data.entries = data.entries.filter((e: { kind: string; terms?: string[]; from?: string[]; to?: string[] }) => (e.kind === 'equivalent' ? (e.terms?.length ?? 0) >= 2 : (e.from?.length ?? 0) > 0 && (e.to?.length ?? 0) > 0));
console.log('terms removed', removed, 'entries', before, '->', data.entries.length);
const lines = data.entries.map((e: object) => '    ' + JSON.stringify(e).replace(/,"/g, ', "').replace(/":/g, '": ').replace(/\[/g, '[').replace(/^\{/, '{ ').replace(/\}$/, ' }'));
const { entries: _e, ...head } = data;
const headJson = JSON.stringify(head, null, 2).slice(0, -2);
writeFileSync(path, `${headJson},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`);
