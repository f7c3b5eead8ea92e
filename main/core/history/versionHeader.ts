/**
 * The description of a kept version, in its gzip header's comment field (RFC 1952, FCOMMENT):
 * who saved it, when, why it was kept, its revision, size and hash, as one line of ASCII JSON.
 * Every gunzip (Node, gzip, 7-Zip) ignores the comment, so a kept version is still an ordinary
 * .gz of the meeting file, and the list reads it from the first bytes without decompressing.
 */
import { open } from 'node:fs/promises';

/** The description in a kept version's header never exceeds this, so reading it is one small read. */
const MAX_HEADER_BYTES = 8192;

/** What the gzip header comment of a kept version holds (JSON, ASCII only). */
export interface VersionDescription {
  format: 'minutebook.version';
  keptAt: string;
  savedAt?: string;
  savedBy?: string;
  note?: string;
  revision?: string;
  /** Set when the revision was too long for the header: look inside the contents instead. */
  revisionOmitted?: true;
  /** Size of the contents, uncompressed. */
  size: number;
  /** sha256 of the contents, hex. */
  sha256: string;
}

// The comment is latin-1 and zero-terminated.
const FCOMMENT = 0x10;
const FEXTRA = 0x04;
const FNAME = 0x08;

/** JSON with everything outside printable ASCII escaped, so it is valid latin-1 with no zero byte. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `gz` (as gzip wrote it, with no optional header fields) with `description` as its comment. */
export function withDescription(gz: Buffer, description: VersionDescription): Buffer {
  const comment = asciiJson(description);
  if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[3] !== 0) return gz;
  const header = Buffer.from(gz.subarray(0, 10));
  header[3] = FCOMMENT;
  return Buffer.concat([header, Buffer.from(comment, 'latin1'), Buffer.from([0]), gz.subarray(10)]);
}

function commentOf(head: Buffer): string | undefined {
  if (head.length < 10 || head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) return undefined;
  const flags = head[3]!;
  if (!(flags & FCOMMENT)) return undefined;
  let at = 10;
  if (flags & FEXTRA) {
    if (head.length < at + 2) return undefined;
    at += 2 + head.readUInt16LE(at);
  }
  if (flags & FNAME) {
    const end = head.indexOf(0, at);
    if (end < 0) return undefined;
    at = end + 1;
  }
  const end = head.indexOf(0, at);
  return end < 0 ? undefined : head.subarray(at, end).toString('latin1');
}

function toDescription(data: unknown): VersionDescription | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  if (record.format !== 'minutebook.version' || typeof record.keptAt !== 'string' || typeof record.size !== 'number' || typeof record.sha256 !== 'string')
    return undefined;
  const description: VersionDescription = { format: 'minutebook.version', keptAt: record.keptAt, size: record.size, sha256: record.sha256 };
  for (const key of ['savedAt', 'savedBy', 'note', 'revision'] as const) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') description[key] = value;
  }
  if (record.revisionOmitted === true) description.revisionOmitted = true;
  return description;
}

/** The description in a kept version's header, read from its first bytes; undefined if it has none. */
export async function readDescription(path: string): Promise<VersionDescription | undefined> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(MAX_HEADER_BYTES + 16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const comment = commentOf(head.subarray(0, bytesRead));
    if (comment === undefined) return undefined;
    try {
      return toDescription(JSON.parse(comment));
    } catch {
      return undefined;
    }
  } finally {
    await handle.close();
  }
}
