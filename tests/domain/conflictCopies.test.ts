/** Spotting the copies sync tools leave beside a meeting file, by the names each tool uses. */
import { describe, expect, it } from 'vitest';
import { conflictCopyOf, looksLikeMeetingFileName } from '../../main/domain/conflictCopies';

const meeting = '2026-11-10 planning-committee.json';

describe('recognising a sync tool’s conflict copy of a meeting file by its name', () => {
  it.each([
    ['2026-11-10 planning-committee.sync-conflict-20261110-101500-ABCD123.json', 'syncthing'],
    ["2026-11-10 planning-committee (Jane Smith's conflicted copy 2026-11-10).json", 'dropbox'],
    ['2026-11-10 planning-committee (Jane’s conflicted copy 2026-11-10).json', 'dropbox'],
    ["2026-11-10 planning-committee (Jane Smith's conflicted copy 2026-11-10 (1)).json", 'dropbox'],
    ['2026-11-10 planning-committee (conflicted copy 2026-11-10).json', 'dropbox'],
    ['2026-11-10 planning-committee (conflicted copy 2026-11-10 101500).json', 'nextcloud'],
    ['2026-11-10 planning-committee_conflict-20261110-101500.json', 'nextcloud'],
    ['2026-11-10 planning-committee-LAPTOP-12.json', 'onedrive'],
    ['2026-11-10 planning-committee-DESKTOP-AB12CD3.json', 'onedrive'],
    ['2026-11-10 planning-committee-LAPTOP-12-1.json', 'onedrive'],
    ['2026-11-10 planning-committee (1).json', 'numbered-copy'],
    ['2026-11-10 planning-committee(2).json', 'numbered-copy'],
    ['2026-11-10 planning-committee - Copy.json', 'copied-by-hand'],
    ['2026-11-10 planning-committee - Copy (2).json', 'copied-by-hand'],
    ['2026-11-10 planning-committee copy 2.json', 'copied-by-hand'],
    ['2026-11-10 planning-committee (1).JSON', 'numbered-copy'],
  ])('%s looks like a %s copy', (name, tool) => {
    expect(conflictCopyOf(name, meeting)).toBe(tool);
  });

  it.each([
    [meeting, 'the meeting file itself'],
    ['2026-11-10 planning-committee-2.json', 'our own name for a second meeting the same day'],
    ['2026-11-10 planning-committee-12.json', 'our own name for a twelfth meeting the same day'],
    ['2026-11-10 licensing.json', 'another meeting'],
    ['2026-11-10 planning.json', 'a meeting whose name is shorter'],
    ['2026-11-10 planning-committee.json.3f9a1c2b7d4e5f60.lock', 'a presence lease'],
    ['2026-11-10 planning-committee.sync-conflict-20261110-101500-ABCD123.lock', 'a copy of something that is not JSON'],
    ['2026-11-10 planning-committee (notes).json', 'a file a clerk named in brackets'],
    ['2026-11-10 planning-committee.sync-conflict-2026-ABCD123.json', 'a malformed Syncthing name'],
  ])('%s is not a conflict copy (%s)', (name) => {
    expect(conflictCopyOf(name, meeting)).toBeUndefined();
  });

  it('matches names whose accents a Mac wrote decomposed', () => {
    const composed = '2026-11-10 comité.json';
    const decomposed = '2026-11-10 comite\u0301 (1).json';
    expect(conflictCopyOf(decomposed, composed)).toBe('numbered-copy');
  });

  it('tells our own meeting file names from other files', () => {
    expect(looksLikeMeetingFileName('2026-11-10 planning-committee.json')).toBe(true);
    expect(looksLikeMeetingFileName('2026-11-10 planning-committee-2.json')).toBe(true);
    expect(looksLikeMeetingFileName('2026-11-10 planning-committee (1).json')).toBe(false);
    expect(looksLikeMeetingFileName('planning backup.json')).toBe(false);
    expect(looksLikeMeetingFileName('2026-11-10 planning-committee.sync-conflict-20261110-101500-ABCD123.json')).toBe(false);
  });
});
