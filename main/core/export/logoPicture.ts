/**
 * Whether a logo picture is whole and of a sensible size, checked without a picture decoder:
 * image-size reads only the header, and a header can be followed by anything. Each kind is walked
 * as far as its structure allows: PNG chunk by chunk with their CRCs to IEND, JPEG marker by
 * marker to the scan and its end (EOI), GIF block by block to its trailer, BMP's pixel rows
 * against the file's length. The pixels themselves are not decoded.
 */
import { crc32 } from './crc32';

export type PictureKind = 'png' | 'jpg' | 'gif' | 'bmp';

/** No logo needs more; a header claiming more is a mistake or a trap (a picture that would take gigabytes to draw). */
export const MAX_LOGO_SIDE_PX = 10_000;
export const MAX_LOGO_PIXELS = 50_000_000;

export function isAbsurdSize(widthPx: number, heightPx: number): boolean {
  return widthPx > MAX_LOGO_SIDE_PX || heightPx > MAX_LOGO_SIDE_PX || widthPx * heightPx > MAX_LOGO_PIXELS;
}

/** Whether the whole file is a picture of its kind, as far as its structure can tell. */
export function isWholePicture(data: Buffer, kind: PictureKind): boolean {
  try {
    switch (kind) {
      case 'png':
        return isWholePng(data);
      case 'jpg':
        return isWholeJpeg(data);
      case 'gif':
        return isWholeGif(data);
      case 'bmp':
        return isWholeBmp(data);
    }
  } catch {
    // Reading past the end of a cut-short file.
    return false;
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isWholePng(data: Buffer): boolean {
  if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  let at = 8;
  let first = true;
  let imageData = false;
  while (at + 12 <= data.length) {
    const length = data.readUInt32BE(at);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > data.length) return false;
    const type = data.toString('latin1', at + 4, at + 8);
    if (first && type !== 'IHDR') return false;
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== data.readUInt32BE(at + 8 + length)) return false;
    if (type === 'IDAT') imageData = true;
    if (type === 'IEND') return imageData;
    first = false;
    at = end;
  }
  return false;
}

/** Start-of-frame markers: C0–CF except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function isWholeJpeg(data: Buffer): boolean {
  if (data[0] !== 0xff || data[1] !== 0xd8) return false;
  let at = 2;
  let frame = false;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return false;
    const marker = data[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return false; // the end before any scan
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = data.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > data.length) return false;
    if (isStartOfFrame(marker)) frame = true;
    if (marker === 0xda) {
      // The entropy-coded scans follow, then the end-of-image marker.
      return frame && data.lastIndexOf(Buffer.from([0xff, 0xd9])) >= at + 2 + length;
    }
    at += 2 + length;
  }
  return false;
}

/** Skips GIF data sub-blocks (a size byte, that many bytes, … then 0); where they end, or -1. */
function afterSubBlocks(data: Buffer, at: number): number {
  let position = at;
  for (;;) {
    if (position >= data.length) return -1;
    const size = data[position]!;
    position += 1 + size;
    if (size === 0) return position;
  }
}

function colourTableBytes(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

function isWholeGif(data: Buffer): boolean {
  const signature = data.toString('latin1', 0, 6);
  if (signature !== 'GIF87a' && signature !== 'GIF89a') return false;
  let at = 13 + colourTableBytes(data[10]!);
  let images = 0;
  while (at < data.length) {
    const block = data[at]!;
    if (block === 0x3b) return images > 0;
    if (block === 0x2c) {
      if (at + 10 > data.length) return false;
      at += 10 + colourTableBytes(data[at + 9]!) + 1; // descriptor, local colour table, LZW minimum code size
      at = afterSubBlocks(data, at);
      images += 1;
    } else if (block === 0x21) {
      at = afterSubBlocks(data, at + 2);
    } else return false;
    if (at < 0) return false;
  }
  return false;
}

function isWholeBmp(data: Buffer): boolean {
  if (data.toString('latin1', 0, 2) !== 'BM' || data.length < 26) return false;
  const pixelsAt = data.readUInt32LE(10);
  const headerSize = data.readUInt32LE(14);
  if (pixelsAt >= data.length || headerSize < 12 || 14 + headerSize > data.length) return false;
  const core = headerSize === 12;
  const width = core ? data.readUInt16LE(18) : data.readInt32LE(18);
  const height = Math.abs(core ? data.readUInt16LE(20) : data.readInt32LE(22));
  const bitsPerPixel = data.readUInt16LE(core ? 24 : 28);
  const compression = core ? 0 : data.readUInt32LE(30);
  // Uncompressed rows (BI_RGB, BI_BITFIELDS) must all be there; compressed ones cannot be measured without decoding.
  if (compression !== 0 && compression !== 3) return true;
  const rowBytes = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
  return width > 0 && pixelsAt + rowBytes * height <= data.length;
}
