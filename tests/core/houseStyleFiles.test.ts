/**
 * Hostile or damaged house-style files: a Word template that is a zip bomb is refused from what
 * its zip says, quickly and without unpacking it, and inflating stops at a hard limit when the
 * zip lies; a logo is checked beyond its header (its size in pixels, and that the picture is
 * whole). The bombs are small: gigabytes of zeros are declared, or a few megabytes compressed
 * into kilobytes, never gigabytes allocated.
 */
import { once } from 'node:events';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDeflateRaw, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadExportStyle } from '../../main/core/export/exportStyle';
import { writeLibrarySettings } from '../../main/core/libraryFile';
import { refusal, settingsWith } from '../support/houseStyle';
import { makeTempLibrary, type TempLibrary } from '../support/tempLibrary';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'house-style');

/** CRC-32 as zip and PNG write it, worked out here independently of the code under test. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

let temp: TempLibrary;
let library: string;
beforeEach(async () => {
  temp = await makeTempLibrary();
  library = temp.library;
  await mkdir(join(library, 'house-style'), { recursive: true });
});
afterEach(() => temp.remove());

/** Raw deflate of `bytes` zeros, fed a megabyte at a time so the test never holds them. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(deflate, 'end');
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= zeros.length) {
    if (!deflate.write(left >= zeros.length ? zeros : zeros.subarray(0, left))) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

interface RawEntry {
  name: string;
  /** Deflated (method 8) bytes. */
  data: Buffer;
  /** What the zip says the part unpacks to. */
  declaredSize: number;
  crc?: number;
}

/** A zip written byte by byte, so it can say whatever sizes a hostile file says. */
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const STYLES = '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:styles>';

function part(name: string, text: string): RawEntry {
  const bytes = Buffer.from(text, 'utf8');
  return { name, data: deflateSync(bytes).subarray(2, -4), declaredSize: bytes.length, crc: crc32(bytes) };
}

/** Exports (reads the house style) with the template, timing it and watching the process's peak memory. */
async function exportWithTemplate(name: string, bytes: Buffer): Promise<{ error: Error; ms: number; peakGrowthMb: number }> {
  await writeFile(join(library, 'house-style', name), bytes);
  await writeLibrarySettings(library, settingsWith({ template: `house-style/${name}` }));
  const peakBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const error = await refusal(loadExportStyle(library, undefined));
  return { error, ms: performance.now() - started, peakGrowthMb: (process.resourceUsage().maxRSS - peakBefore) / 1024 };
}

describe('a house-style template that is a zip bomb', () => {
  it('is refused from its declared size, quickly, when a part says it unpacks to 128 MB (and does)', async () => {
    const styles = { name: 'word/styles.xml', data: await deflatedZeros(128 * 1024 * 1024), declaredSize: 128 * 1024 * 1024 };
    const bomb = rawZip([part('[Content_Types].xml', '<Types/>'), part('word/document.xml', '<w:document/>'), styles]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { error, ms, peakGrowthMb } = await exportWithTemplate('bomb.dotx', bomb);
    expect(error.message).toBe(
      'The house-style template “house-style/bomb.dotx” would unpack to far more than any Word template (its styles alone to 128 MB), so Minute Book does not open it: it may be damaged, or made to fill the computer’s memory. Choose the organisation’s own .docx or .dotx file in the house style.',
    );
    expect(ms).toBeLessThan(1500);
    expect(peakGrowthMb).toBeLessThan(64);
  });

  it('is refused when the zip says its parts together unpack to gigabytes, without unpacking any', async () => {
    const media = { name: 'word/media/image1.png', data: await deflatedZeros(1024 * 1024), declaredSize: 3_800_000_000 };
    const bomb = rawZip([part('[Content_Types].xml', '<Types/>'), part('word/document.xml', '<w:document/>'), part('word/styles.xml', STYLES), media]);
    const { error, ms } = await exportWithTemplate('media.dotx', bomb);
    expect(error.message).toMatch(/^The house-style template “house-style\/media.dotx” would unpack to far more than any Word template \(3\.5 GB in all\)/);
    expect(ms).toBeLessThan(1500);
  });

  it('stops unpacking at the limit when the zip lies about a part’s size', async () => {
    const styles = { name: 'word/styles.xml', data: await deflatedZeros(64 * 1024 * 1024), declaredSize: 4096 };
    const bomb = rawZip([part('[Content_Types].xml', '<Types/>'), part('word/document.xml', '<w:document/>'), styles]);
    const { error, ms, peakGrowthMb } = await exportWithTemplate('liar.dotx', bomb);
    expect(error.message).toMatch(
      /^The house-style template “house-style\/liar.dotx” would unpack to far more than any Word template \(its styles alone to more than 10 MB\)/,
    );
    expect(ms).toBeLessThan(1500);
    expect(peakGrowthMb).toBeLessThan(64);
  });

  it('is refused when it holds more parts than any Word template', async () => {
    const zip = new JSZip();
    const noFolders = { createFolders: false };
    zip.file('[Content_Types].xml', '<Types/>', noFolders);
    zip.file('word/document.xml', '<w:document/>', noFolders);
    zip.file('word/styles.xml', STYLES, noFolders);
    for (let n = 0; n < 5001; n += 1) zip.file(`customXml/item${n}.xml`, '', noFolders);
    const { error } = await exportWithTemplate('parts.dotx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(error.message).toMatch(/^The house-style template “house-style\/parts.dotx” holds 5,004 parts, far more than any Word template/);
  });

  it('is refused in Settings → House style when it is chosen, with the same sentence', async () => {
    const styles = { name: 'word/styles.xml', data: await deflatedZeros(32 * 1024 * 1024), declaredSize: 32 * 1024 * 1024 };
    await writeFile(join(library, 'house-style', 'bomb.dotx'), rawZip([part('word/document.xml', '<w:document/>'), styles]));
    const core = temp.startCore();
    const { houseStyle } = await core.handlers['library.houseStyle.get']({});
    await expect(core.handlers['library.houseStyle.save']({ houseStyle: { ...houseStyle, template: 'house-style/bomb.dotx' } })).rejects.toThrow(
      /^The house-style template “house-style\/bomb.dotx” would unpack to far more than any Word template/,
    );
    expect((await core.handlers['library.houseStyle.get']({})).houseStyle.template).toBeUndefined();
  });

  it('still takes the organisation’s real templates', async () => {
    for (const fixture of ['council-template.dotx', 'council-template-libreoffice.docx']) {
      await copyFile(join(FIXTURES, fixture), join(library, 'house-style', fixture));
      await writeLibrarySettings(library, settingsWith({ template: `house-style/${fixture}` }));
      expect((await loadExportStyle(library, undefined)).template?.stylesXml).toMatch(/<w:styles[\s>]/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Logos

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG whose header says width × height; its pixels are one grey row, enough to be whole as a file. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(2))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function logoRefusal(name: string, bytes: Buffer): Promise<string> {
  await writeFile(join(library, 'house-style', name), bytes);
  await writeLibrarySettings(library, settingsWith({ logo: { file: `house-style/${name}`, altText: 'Logo', widthMm: 40 } }));
  return (await refusal(loadExportStyle(library, undefined))).message;
}

describe('a house-style logo', () => {
  it('is refused when its size in pixels is absurd', async () => {
    expect(await logoRefusal('wide.png', png(100_000, 10))).toBe(
      'The house-style logo “house-style/wide.png” is 100,000 × 10 pixels, far larger than a logo needs (at most 10,000 pixels a side and 50 million in all). Save it smaller, say 1,000 pixels wide, and choose that file in the house style.',
    );
    expect(await logoRefusal('big.png', png(9000, 9000))).toMatch(
      /^The house-style logo “house-style\/big.png” is 9,000 × 9,000 pixels, far larger than a logo needs/,
    );
  });

  it('is refused when a picture’s header is followed by something that is not the rest of the picture', async () => {
    const fakePng = Buffer.concat([png(600, 240).subarray(0, 33), Buffer.from('this is not a picture, whatever the header says')]);
    const badCrc = png(600, 240);
    badCrc[30] = (badCrc[30]! + 1) % 256;
    // A real JPEG, its scan cut short and followed by garbage: the header is whole, the end-of-image marker gone.
    const jpeg = await readFile(join(FIXTURES, 'logo.jpg'));
    const jpegWithoutEnd = Buffer.concat([jpeg.subarray(0, jpeg.length - 40), Buffer.from('garbage instead of the rest of the scan')]);
    const gifWithoutTrailer = Buffer.concat([
      Buffer.from('GIF89a', 'ascii'),
      Buffer.from([40, 0, 40, 0, 0x80, 0, 0, 0x1f, 0x38, 0x64, 0xff, 0xff, 0xff]),
      Buffer.from('garbage'),
    ]);
    const cases: Array<[string, Buffer, string]> = [
      ['fake.png', fakePng, 'PNG'],
      ['crc.png', badCrc, 'PNG'],
      ['cut.jpg', jpegWithoutEnd, 'JPEG'],
      ['cut.gif', gifWithoutTrailer, 'GIF'],
    ];
    for (const [name, bytes, kind] of cases) {
      expect(await logoRefusal(name, bytes)).toBe(
        `The house-style logo “house-style/${name}” is damaged: it starts like a ${kind} picture, but the rest is not a whole picture. Save the logo again as a PNG and choose that file in the house style.`,
      );
    }
  });

  it('is refused in Settings → House style when it is chosen', async () => {
    await writeFile(join(library, 'house-style', 'wide.png'), png(100_000, 10));
    const core = temp.startCore();
    const { houseStyle } = await core.handlers['library.houseStyle.get']({});
    await expect(
      core.handlers['library.houseStyle.save']({ houseStyle: { ...houseStyle, logo: { file: 'house-style/wide.png', altText: 'Logo', widthMm: 40 } } }),
    ).rejects.toThrow(/^The house-style logo “house-style\/wide.png” is 100,000 × 10 pixels/);
  });

  it('takes whole pictures of every kind', async () => {
    await writeFile(join(library, 'house-style', 'small.png'), png(600, 240));
    await writeLibrarySettings(library, settingsWith({ logo: { file: 'house-style/small.png', altText: 'Logo', widthMm: 40 } }));
    expect((await loadExportStyle(library, undefined)).logo?.widthPx).toBe(600);
    for (const fixture of ['logo.png', 'logo.jpg', 'logo.gif', 'logo.bmp']) {
      await copyFile(join(FIXTURES, fixture), join(library, 'house-style', fixture));
      await writeLibrarySettings(library, settingsWith({ logo: { file: `house-style/${fixture}`, altText: 'Logo', widthMm: 40 } }));
      expect((await loadExportStyle(library, undefined)).logo?.data.length).toBeGreaterThan(0);
    }
  });
});
