import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeOdp, makeOds, makeOdt, makePdf, makePptx, makeText, makeXlsx } from '../../tests/fixtures/files';
import { extractorsAliveCount, extractText } from './index';
import { openZip } from './zip';
import { ZipRejectedError } from '../errors';

describe('text extraction, per page, in a bounded child process', () => {
  it.each([
    ['pdf', () => makePdf(['Première page : l’économie.', 'Deuxième page, les eaux.'])],
    ['docx', async () => makeDocx(['Première page : l’économie.', 'Deuxième page, les eaux.'])],
    ['odt', async () => makeOdt(['Première page : l’économie.', 'Deuxième page, les eaux.'])],
    ['pptx', async () => makePptx(['Première page : l’économie.', 'Deuxième page, les eaux.'])],
    ['odp', async () => makeOdp(['Première page : l’économie.', 'Deuxième page, les eaux.'])],
    ['xlsx', async () => makeXlsx([['Première page : l’économie.', 'Deuxième page, les eaux.']])],
    ['ods', async () => makeOds([['Première page : l’économie.', 'Deuxième page, les eaux.']])],
    ['txt', async () => makeText('Première page : l’économie.\fDeuxième page, les eaux.')],
  ] as const)('reads %s', async (fileType, make) => {
    const result = await extractText(fileType, await make());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.pages.join('\n');
    expect(text).toContain('Première page : l’économie.');
    expect(text).toContain('Deuxième page, les eaux.');
    if (['pdf', 'pptx', 'odp', 'txt'].includes(fileType)) expect(result.pages).toHaveLength(2);
  });

  it('leaves nothing of a DOCTYPE (its internal subset, its entities never expanded) or a comment in the text', async () => {
    const prolog = '<!DOCTYPE w:document [<!ENTITY boom "BOUM BOUM"><!ELEMENT w:document ANY>]>\n<!-- généré par un outil -->';
    const result = await extractText('docx', makeDocx(['Texte du dispositif.', 'Suite et fin.'], { prolog }));
    expect(result).toEqual({ ok: true, pages: ['Texte du dispositif.\nSuite et fin.'] });
  });

  it('gives up on a file that takes too long, and the next file still works', async () => {
    const extractorsBefore = extractorsAliveCount();
    const slow = await extractText('pdf', await makePdf(Array.from({ length: 300 }, (_, i) => `Page ${i} `.repeat(100))), {
      timeoutMs: 5,
      maxHeapMb: 512,
    });
    expect(slow).toEqual({ ok: false, reason: 'extraction took longer than 0.005 s' });
    // The process given up on is gone before the next file starts: never two extraction heaps at once.
    expect(extractorsAliveCount()).toBe(extractorsBefore);
    const next = await extractText('txt', makeText('Toujours là.'), { timeoutMs: 5000, maxHeapMb: 512 });
    expect(next).toEqual({ ok: true, pages: ['Toujours là.'] });
  });

  it('a burst of files too big for the heap: each refused, one extraction process at a time, the app unharmed, and the next file still works', async () => {
    const limits = { timeoutMs: 20000, maxHeapMb: 64 };
    const extractorsBefore = extractorsAliveCount();
    // Eight million pages (form feeds): far more small strings than a 64 MB heap holds.
    const huge = makeText('mot\f'.repeat(8 * 1024 * 1024));
    const burst = await Promise.all([1, 2, 3].map(() => extractText('txt', huge, limits)));
    for (const result of burst) expect(result).toEqual({ ok: false, reason: 'extraction needed more than 64 MB' });
    expect(extractorsAliveCount()).toBe(extractorsBefore);
    expect(await extractText('txt', makeText('Toujours là.'), limits)).toEqual({ ok: true, pages: ['Toujours là.'] });
  });

  it('reports a damaged file instead of failing', async () => {
    const result = await extractText('docx', Buffer.from('PK\u0003\u0004 pas vraiment un zip'));
    expect(result.ok).toBe(false);
  });
});

describe('zip packages are checked before anything is inflated', () => {
  const bomb = (entries: number, size: number) =>
    Buffer.from(
      zipSync(Object.fromEntries(Array.from({ length: entries }, (_, i) => [`e${i}.xml`, [new Uint8Array(size), { level: 9 }]]))),
    );

  it('refuses a compression ratio over the limit', () => {
    expect(() => openZip(bomb(1, 10 * 1024 * 1024))).toThrow(ZipRejectedError);
  });

  it('refuses too many entries', () => {
    expect(() =>
      openZip(Buffer.from(zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, strToU8('x')])))), {
        maxEntries: 10,
        maxTotalUncompressed: 1e9,
        maxEntryUncompressed: 1e9,
        maxRatio: 1e9,
      }),
    ).toThrow(/too many entries/);
  });

  it('refuses a declared total size over the limit', () => {
    expect(() => openZip(bomb(3, 1000), { maxEntries: 10, maxTotalUncompressed: 2500, maxEntryUncompressed: 1e9, maxRatio: 1e9 })).toThrow(
      /declared uncompressed size/,
    );
  });

  it('never inflates more than an entry declares', () => {
    const data = Buffer.from(zipSync({ 'a.xml': [new Uint8Array(100000), { level: 9 }] }));
    // Lie in the central directory: declare 1,000 bytes for an entry that inflates to 100,000.
    const central = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    data.writeUInt32LE(1000, central + 24);
    const zip = openZip(data, { maxEntries: 10, maxTotalUncompressed: 1e9, maxEntryUncompressed: 1e9, maxRatio: 1e9 });
    expect(() => zip.read('a.xml')).toThrow(/inflates beyond its declared size/);
  });
});
