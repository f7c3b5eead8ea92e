/**
 * One part of a Word package (.docx, .dotx: a zip), read with limits, so that a damaged or
 * hostile file (a "zip bomb": megabytes that unpack to gigabytes) is refused from its central
 * directory before anything is inflated, and inflating stops the moment a part grows past its
 * limit, whatever the directory claimed. Only the central directory is trusted for where parts
 * are; nothing but the one part asked for is ever inflated.
 */
import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

export interface PackageLimits {
  /** Parts in the package: a Word template has a few dozen. */
  maxParts: number;
  /** What all parts together may say they unpack to. */
  maxTotalBytes: number;
  /** What the one part read may unpack to, checked on its declared size and while inflating. */
  maxPartBytes: number;
}

export const WORD_TEMPLATE_LIMITS: PackageLimits = { maxParts: 5000, maxTotalBytes: 500 * 1024 * 1024, maxPartBytes: 10 * 1024 * 1024 };

/** The package is over a limit; `problem` says which, for the clerk. */
export class PackageTooLarge extends Error {
  constructor(
    readonly kind: 'parts' | 'total' | 'part',
    readonly amount: number,
    /** The part inflated past the limit although the zip said less. */
    readonly exceeded = false,
  ) {
    super(`${kind} over the limit (${amount})`);
    this.name = 'PackageTooLarge';
  }
}

/** The bytes are not a zip we can read (not a zip, cut short, damaged, or in a form Word does not write). */
export class NotAPackage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAPackage';
  }
}

interface PackagePart {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderAt: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

function endOfDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at -= 1) if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  throw new NotAPackage('no end of central directory');
}

/** The parts listed in the central directory, after checking the package against the limits. */
export function packageParts(zip: Buffer, limits: PackageLimits = WORD_TEMPLATE_LIMITS): Map<string, PackagePart> {
  if (zip.length < 22) throw new NotAPackage('too short');
  const end = endOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const directoryAt = zip.readUInt32LE(end + 16);
  // ZIP64 (0xFFFF parts, or offsets past 4 GB): only for packages far larger than any template.
  if (count === 0xffff || directoryAt === ZIP64_MARK) throw new PackageTooLarge('parts', count);
  if (count > limits.maxParts) throw new PackageTooLarge('parts', count);
  const parts = new Map<string, PackagePart>();
  let total = 0;
  let at = directoryAt;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new NotAPackage('damaged central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const part: PackagePart = {
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderAt: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, Math.min(zip.length, at + 46 + nameLength)),
    };
    if (part.uncompressedSize === ZIP64_MARK || part.compressedSize === ZIP64_MARK) throw new PackageTooLarge('total', Number.POSITIVE_INFINITY);
    total += part.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new PackageTooLarge('total', total);
    parts.set(part.name, part);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** One part's bytes, inflated no further than the limit and checked against its CRC. */
export function readPackagePart(zip: Buffer, part: PackagePart, limits: PackageLimits = WORD_TEMPLATE_LIMITS): Buffer {
  if (part.uncompressedSize > limits.maxPartBytes) throw new PackageTooLarge('part', part.uncompressedSize);
  const at = part.localHeaderAt;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) throw new NotAPackage(`damaged local header of ${part.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + part.compressedSize > zip.length) throw new NotAPackage(`${part.name} is cut short`);
  const stored = zip.subarray(start, start + part.compressedSize);
  let bytes: Buffer;
  if (part.method === 0) bytes = stored;
  else if (part.method === 8) {
    try {
      bytes = inflateRawSync(stored, { maxOutputLength: limits.maxPartBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PackageTooLarge('part', limits.maxPartBytes, true);
      throw new NotAPackage(`${part.name} is damaged`);
    }
  } else throw new NotAPackage(`${part.name} is compressed in a way Word does not use`);
  if (bytes.length !== part.uncompressedSize || crc32(bytes) !== part.crc) throw new NotAPackage(`${part.name} is damaged`);
  return bytes;
}
