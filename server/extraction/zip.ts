import { inflateRawSync } from 'node:zlib';
import { ZipRejectedError } from '../errors';

/**
 * A minimal, defensive reader of zip packages (DOCX, XLSX, PPTX, ODT, ODS, ODP): checked against
 * zip bombs before anything is inflated, from the central directory (entry count, declared sizes,
 * compression ratio), then while inflating (the real output is capped).
 */
export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  maxRatio: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: 5000,
  maxTotalUncompressed: 300 * 1024 * 1024,
  maxEntryUncompressed: 100 * 1024 * 1024,
  maxRatio: 200,
};

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipPackage {
  names(): string[];
  /** The entry's bytes, inflated with its real size capped; undefined when absent. */
  read(name: string): Buffer | undefined;
  text(name: string): string | undefined;
}

function findEndOfCentralDirectory(data: Buffer): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i -= 1) {
    if (data.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new ZipRejectedError('not a zip package (no end of central directory)');
}

export function openZip(data: Buffer, limits: ZipLimits = defaultZipLimits): ZipPackage {
  const end = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  const directoryOffset = data.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipRejectedError('zip64 packages are not accepted');
  if (count > limits.maxEntries) throw new ZipRejectedError(`too many entries (${count})`);
  if (directoryOffset + directorySize > data.length) throw new ZipRejectedError('central directory out of bounds');

  const entries = new Map<string, Entry>();
  let total = 0;
  let offset = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new ZipRejectedError('damaged central directory');
    const entry: Entry = {
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      uncompressedSize: data.readUInt32LE(offset + 24),
      name: data.toString('utf8', offset + 46, offset + 46 + data.readUInt16LE(offset + 28)),
      localHeaderOffset: data.readUInt32LE(offset + 42),
    };
    offset += 46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
    if (entry.uncompressedSize > limits.maxEntryUncompressed)
      throw new ZipRejectedError(`entry ${entry.name} declares ${entry.uncompressedSize} bytes`);
    if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxRatio) {
      throw new ZipRejectedError(`entry ${entry.name} has a compression ratio over ${limits.maxRatio}`);
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressed)
      throw new ZipRejectedError(`declared uncompressed size over ${limits.maxTotalUncompressed} bytes`);
    entries.set(entry.name, entry);
  }

  let inflated = 0;
  const read = (name: string): Buffer | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const local = entry.localHeaderOffset;
    if (data.readUInt32LE(local) !== 0x04034b50) throw new ZipRejectedError('damaged local header');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + entry.compressedSize);
    // The declared size may lie: inflate no more than it says (and than the limits allow).
    const cap = Math.min(entry.uncompressedSize, limits.maxEntryUncompressed, limits.maxTotalUncompressed - inflated);
    let bytes: Buffer;
    if (entry.method === 0) bytes = raw;
    else if (entry.method === 8) {
      try {
        bytes = inflateRawSync(raw, { maxOutputLength: Math.max(cap, 1) });
      } catch (error) {
        throw new ZipRejectedError(`entry ${name} inflates beyond its declared size or is damaged (${(error as Error).message})`);
      }
    } else throw new ZipRejectedError(`entry ${name} uses compression method ${entry.method}`);
    if (bytes.length > cap) throw new ZipRejectedError(`entry ${name} is larger than declared`);
    inflated += bytes.length;
    return bytes;
  };
  return { names: () => [...entries.keys()], read, text: (name) => read(name)?.toString('utf8') };
}
