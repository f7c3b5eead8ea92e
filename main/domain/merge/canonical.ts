/**
 * Values as data: one canonical text per value, so equal data compares equal whatever the key
 * order of its objects or the undefined properties it carries. The merge compares every field,
 * entry and paragraph this way, and the core tells meetings apart by `contentKey`.
 */
import type { Meeting } from '../meeting';

/** Plain data with object keys sorted and undefined properties left out, so equal data has one form. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      if (record[key] !== undefined) out[key] = sortKeys(record[key]);
    }
    return out;
  }
  return value;
}

/** One text per value: object keys sorted, undefined properties left out; equal data gives equal text. */
export function canonical(value: unknown): string {
  return value === undefined ? '~' : JSON.stringify(sortKeys(value));
}

/** Whether two values are equal as data (key order and undefined properties aside). */
export function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** The meeting without its sync stamp, in one canonical form: equal meetings give equal keys. */
export function contentKey(meeting: Meeting): string {
  const { sync: _stamp, ...content } = meeting;
  return canonical(content);
}
