/**
 * Messages say what really failed: a file that may not be read is not put down to writing. The
 * read is refused for real, by the file system (the file is readable by its owner only and is read
 * from another account; as root, the reading process drops to "nobody").
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeIoError } from '../../main/core/meetingFile';

const reader = join(import.meta.dirname, 'fixtures', 'readMeetingFileProcess.ts');
let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

function readAsAnotherAccount(path: string): string {
  const node = [process.execPath, '--import', 'tsx', reader, path];
  const command = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  return execFileSync(command[0]!, command.slice(1), { encoding: 'utf8' }).trim();
}

describe('what the clerk is told when a file cannot be used', () => {
  it('says that reading was refused, not writing, for a meeting file that may not be read', async () => {
    root = await mkdtemp(join(tmpdir(), 'mb-io-'));
    await chmod(root, 0o755);
    const file = join(root, '2026-11-10 planning.json');
    await writeFile(file, '{"format":"minutebook.meeting"}');
    await chmod(file, process.getuid?.() === 0 ? 0o600 : 0o000);
    const told = readAsAnotherAccount(file);
    expect(told).toContain('cannot be opened');
    expect(told).toContain('permission to read it was refused');
    expect(told).not.toMatch(/write/);
  });

  it('words a refused write as writing, and a refusal of unknown purpose as neither', () => {
    const refused = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(describeIoError(refused, 'write')).toMatch(/permission to write was refused/);
    expect(describeIoError(refused, 'read')).not.toMatch(/write/);
    expect(describeIoError(refused)).not.toMatch(/write|read/);
  });
});
