/**
 * How long kept versions stay (docs/sync.md, "Retention"): every version kept in the last
 * `keepAllDays` days; of older ones, the last of each UTC day. Only versions the app kept are
 * thinned; merged conflict copies, deleted meetings and anything else in the folder stay.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { historyFolder } from '../library';
import { kindOf, listNames, stampTime } from './historyFiles';

const DAY_MS = 24 * 60 * 60_000;

export interface HistoryPolicy {
  /** Minimum time between two versions kept while someone types (used by the meeting session). */
  intervalMs: number;
  /** Every version kept within this many days is kept; older ones are thinned to the last of each day (UTC). */
  keepAllDays: number;
  /**
   * Optional safety bound on kept versions per meeting, applied after the daily thinning (oldest
   * go first). Unset by default: it would break "keep everything from the last 30 days".
   */
  maxVersions?: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = { intervalMs: 5 * 60_000, keepAllDays: 30 };

/**
 * Thins the kept versions of one meeting: every version kept in the last `policy.keepAllDays`
 * days stays; of older ones, the last of each UTC day stays. Merged conflict copies, deleted
 * meetings and anything else in the folder are never touched. Returns the names removed.
 * Deterministic from the names alone, so two computers thinning the same folder agree.
 */
export async function pruneHistory(root: string, meetingId: string, policy: HistoryPolicy, now: Date): Promise<string[]> {
  const folder = historyFolder(root, meetingId);
  const kept = (await listNames(folder)).filter((name) => kindOf(name) === 'kept').sort();
  const keepAllDays = Number.isFinite(policy.keepAllDays) && policy.keepAllDays >= 0 ? policy.keepAllDays : DEFAULT_HISTORY_POLICY.keepAllDays;
  const cutoff = now.getTime() - keepAllDays * DAY_MS;
  const remove = new Set<string>();
  const lastOfDay = new Map<string, string>();
  for (const name of kept) {
    const at = stampTime(name);
    if (!at || at.getTime() >= cutoff) continue;
    const day = at.toISOString().slice(0, 10);
    const previous = lastOfDay.get(day);
    if (previous !== undefined) remove.add(previous);
    lastOfDay.set(day, name); // names are sorted, so the last one seen is the day's last
  }
  if (policy.maxVersions !== undefined && Number.isInteger(policy.maxVersions) && policy.maxVersions > 0) {
    const remaining = kept.filter((name) => !remove.has(name));
    for (const name of remaining.slice(0, Math.max(0, remaining.length - policy.maxVersions))) remove.add(name);
  }
  const removed: string[] = [];
  for (const name of remove) {
    try {
      await rm(join(folder, name), { force: true });
      removed.push(name);
    } catch {
      // Left for the next thinning.
    }
  }
  return removed;
}
