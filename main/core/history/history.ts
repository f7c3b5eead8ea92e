/**
 * Earlier versions of a meeting, kept in <library>/.minutebook/history/<meeting-id>/ (format and
 * rules: docs/sync.md, "History"). Callers import from here.
 *
 *   2026-11-10T10-15-00-000Z 3f9a1c2b.json.gz                      a version the app replaced
 *   2026-11-10T10-15-00-000Z conflict copy <original name>.json    a merged conflict copy (sync/conflictCopies.ts)
 *   2026-11-10T10-15-00-000Z deleted.json                          the meeting as it was when deleted (library.ts)
 *
 * A kept version is the replaced file's bytes, gzip-compressed, with a small JSON description
 * (who saved it, when, why it was kept, its revision, size and hash) in the gzip header's comment
 * field: one file per version, written once and never changed, so two computers keeping versions
 * at the same moment (or a sync tool delivering files in any order) can never disagree, and the
 * list is read from the first bytes of each file without decompressing anything.
 *
 * - keepVersion.ts: keeping a version before the file is replaced; retention.ts: thinning them.
 * - versionList.ts: the list the History dialog shows; readVersion.ts: one version read back.
 * - historyFiles.ts: what the folder's names say and reading a file whole; versionHeader.ts: the description.
 *
 * The journal, not history, is what guarantees no keystroke is lost.
 */
export { keepVersion, keepVersionBytes, type KeepVersionOptions, type KeptVersion } from './keepVersion';
export { findVersionByRevision, readVersion } from './readVersion';
export { DEFAULT_HISTORY_POLICY, pruneHistory, type HistoryPolicy } from './retention';
export { listVersions } from './versionList';
