import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Helpers shared by the benchmarks (`npm run bench:…`): statistics, formatting, and the shared
 * docs/benchmarks.md where each benchmark owns one section between markers.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const benchmarksFile = path.join(repoRoot, 'docs', 'benchmarks.md');

const fileHeader =
  '# Benchmarks\n\n' + 'Figures are measured on the machine named in each section, by the `npm run bench:…` script the section names.\n';

/** A mebibyte (1024² bytes): the benchmarks' MB. */
export const MB = 1024 ** 2;

export const mbPerSecond = (bytes: number, seconds: number): number => bytes / MB / seconds;

/** A ratio as a whole percentage, "70 %". */
export const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)} %`;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The range of the values, "min–max", each with `digits` decimals. */
export function spread(values: readonly number[], digits = 2): string {
  if (values.length === 0) throw new Error('spread of no values');
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

/** Bytes (or kB with `unit = 1024`) as MB (MiB, 1024² bytes), one decimal. */
export function megabytes(amount: number, unit = 1): string {
  return ((amount * unit) / 1024 ** 2).toFixed(1);
}

/** "pass" or a "MISSED" that stands out in a table or a terminal. */
export function verdict(isMet: boolean): string {
  return isMet ? 'pass' : '**MISSED**';
}

/** One line naming the machine and the moment of the measurement. */
export function machineLine(date = new Date()): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus.length} cores, ${memory} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}, ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A Markdown table; the same text reads well in a terminal. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Writes `markdown` as the section `name` of docs/benchmarks.md: replaces what lies between
 * `<!-- bench:name -->` and `<!-- /bench:name -->`, or appends the section when absent. The rest
 * of the file (other benchmarks' sections) is kept as it is.
 */
export async function writeBenchmarkSection(name: string, markdown: string, file = benchmarksFile): Promise<void> {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const section = `${open}\n${markdown.trim()}\n${close}`;
  const current = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return fileHeader;
    throw error;
  });
  const start = current.indexOf(open);
  const end = start === -1 ? -1 : current.indexOf(close, start);
  const next =
    start !== -1 && end !== -1
      ? current.slice(0, start) + section + current.slice(end + close.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  // Written beside, then renamed: a reader never sees a half-written file.
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, next);
  await rename(temporary, file);
}
