/**
 * Conflict copies: when two computers change a synced meeting file at once, sync tools keep both
 * by saving one under a new name beside the original. These are the names they use. A name is
 * only a quick way to spot a copy; what makes a file a conflict copy is that it holds the same
 * meeting id (checked by the core, which reads the file).
 *
 *   Syncthing       2026-11-10 planning.sync-conflict-20261110-101500-ABCD123.json
 *   Dropbox         2026-11-10 planning (Jane Smith's conflicted copy 2026-11-10).json
 *                   2026-11-10 planning (conflicted copy 2026-11-10).json
 *   Nextcloud       2026-11-10 planning (conflicted copy 2026-11-10 101500).json
 *   ownCloud        2026-11-10 planning_conflict-20261110-101500.json
 *   OneDrive        2026-11-10 planning-LAPTOP-12.json
 *   Google Drive,   2026-11-10 planning (1).json
 *   Windows         2026-11-10 planning - Copy.json, 2026-11-10 planning - Copy (2).json
 *   macOS Finder    2026-11-10 planning copy.json, 2026-11-10 planning copy 2.json
 */

export type ConflictCopyTool = 'syncthing' | 'dropbox' | 'nextcloud' | 'onedrive' | 'numbered-copy' | 'copied-by-hand';

/** How the clerk is told which program made the copy. */
export const CONFLICT_COPY_TOOL_LABELS: Record<ConflictCopyTool, string> = {
  syncthing: 'Syncthing',
  dropbox: 'Dropbox',
  nextcloud: 'Nextcloud or ownCloud',
  onedrive: 'OneDrive',
  'numbered-copy': 'Google Drive or Windows',
  'copied-by-hand': 'a copy made in Windows Explorer or the Finder',
};

const EXTENSION = /\.json$/i;

/**
 * What comes after the meeting file's base name, for each tool. Checked in this order: the
 * specific patterns first, OneDrive's "-COMPUTERNAME" (the loosest) last.
 */
const SUFFIXES: ReadonlyArray<{ tool: ConflictCopyTool; pattern: RegExp }> = [
  // .sync-conflict-<yyyymmdd>-<hhmmss>-<first 7 characters of the device id>
  { tool: 'syncthing', pattern: /^\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}$/ },
  // Nextcloud's desktop client (3.x): "(conflicted copy 2026-11-10 101500)"
  { tool: 'nextcloud', pattern: /^ \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)$/ },
  // ownCloud and older Nextcloud clients: "_conflict-20261110-101500"
  { tool: 'nextcloud', pattern: /^_conflict-\d{8}-\d{6}$/ },
  // Dropbox: "(Jane Smith's conflicted copy 2026-11-10)", "(conflicted copy 2026-11-10)", sometimes with " (1)" inside.
  { tool: 'dropbox', pattern: /^ \((?:.+?['’]s )?conflicted copy(?: \d{4}-\d{2}-\d{2})?(?: \(\d+\))?\)$/i },
  // Google Drive (and many other tools, and browsers' downloads): " (1)"
  { tool: 'numbered-copy', pattern: /^ ?\(\d{1,3}\)$/ },
  // Windows Explorer " - Copy", " - Copy (2)"; macOS Finder " copy", " copy 2"
  { tool: 'copied-by-hand', pattern: /^(?: - Copy(?: \(\d{1,3}\))?| copy(?: \d{1,3})?)$/i },
  // OneDrive: "-COMPUTERNAME", possibly followed by "-1". A Windows computer name has 1–15 letters, digits
  // and hyphens and is never all digits, so our own "-2" suffix for a second meeting on a day never matches.
  { tool: 'onedrive', pattern: /^-(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{0,14}(?:-\d{1,3})?$/ },
];

/**
 * Whether `fileName` looks like a sync tool's copy of the meeting file named `meetingFileName`
 * (both plain file names, not paths), and which tool's naming it follows. The meeting file
 * itself and unrelated names give undefined.
 */
export function conflictCopyOf(fileName: string, meetingFileName: string): ConflictCopyTool | undefined {
  // macOS may hand back decomposed accents (NFD); compare names as the clerk sees them.
  const name = fileName.normalize('NFC');
  const meeting = meetingFileName.normalize('NFC');
  if (!EXTENSION.test(name) || !EXTENSION.test(meeting) || name === meeting) return undefined;
  const base = meeting.replace(EXTENSION, '');
  const stem = name.replace(EXTENSION, '');
  if (!stem.startsWith(base)) return undefined;
  const suffix = stem.slice(base.length);
  return SUFFIXES.find(({ pattern }) => pattern.test(suffix))?.tool;
}

/**
 * Whether a file name has the shape Minute Book gives meeting files ("2026-11-10 planning.json",
 * "2026-11-10 planning-2.json"). Files of that shape are other meetings' own files; the core reads
 * them for conflict copies only when their name says they might be one.
 */
export function looksLikeMeetingFileName(fileName: string): boolean {
  return /^\d{4}-\d{2}-\d{2} [a-z0-9]+(?:-[a-z0-9]+)*\.json$/.test(fileName.normalize('NFC'));
}
