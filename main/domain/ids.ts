/** Stable ids: every entity keeps its id when its text changes or it moves; merging and history rely on it. */
import { z } from 'zod';

export const EntityId = z
  .string()
  .min(4, 'an id must be at least 4 characters')
  .max(64, 'an id must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'an id may only hold letters, digits, "-" and "_"');
export type EntityId = z.infer<typeof EntityId>;

export function newId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2022-11-08');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time must look like 10:00');
