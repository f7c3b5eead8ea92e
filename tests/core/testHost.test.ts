/** The loopback test host answers only this machine, only with the token, and serves the contract. */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/core/contentSecurityPolicy';
import { dispatchOperation } from '../../main/core/dispatch';
import { platformCommand, platformDesktop, recordingDesktop, type DesktopCall } from '../../main/core/host/hostDesktop';
import { startTestHost, type HostRefusal, type TestHost } from '../../main/core/host/testHost';
import { createMinuteBookCore, type Desktop, type MinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import type { ExportedMinutes, ExportTargets, OpenedMeeting } from '../../main/domain/api';
import { createCommittee } from '../../main/domain/committee';
import { createLibrarySettings } from '../../main/domain/houseStyle';
import { createAgendaItem, createMeeting } from '../../main/domain/meeting';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
let host: TestHost;
beforeEach(async () => {
  temp = await makeTempLibrary();
  const rendererDir = join(temp.root, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Minute Book</title>');
  host = await startTestHost({ core: temp.startCore(), rendererDir });
});
afterEach(async () => {
  await host.close();
  await temp.remove();
});

/** A request exactly as given (Host and all), which fetch would not let a test set. */
function send(
  to: TestHost,
  options: { path: string; method: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  const url = new URL(to.origin);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port: url.port, path: options.path, method: options.method, headers: { host: url.host, ...options.headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        // An event stream answers and stays open: its status is enough.
        if (response.headers['content-type']?.startsWith('text/event-stream')) {
          resolve({ status: response.statusCode ?? 0, text });
          response.destroy();
        }
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function call(name: string, body: unknown, token = host.token) {
  return fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-minutebook-token': token },
    body: JSON.stringify(body),
  });
}

describe('the loopback test host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs operations of the contract for the page that holds the token', async () => {
    const created = await (await call('meetings.create', sampleDetails)).json();
    expect(created).toMatchObject({ ok: true, value: { meeting: { committee: sampleDetails.committee } } });
    const listed = await (await call('meetings.list', {})).json();
    expect(listed.value.meetings).toHaveLength(1);
  });

  it('swaps a one-time address for an HttpOnly cookie, once, and gives the page it serves the token for its calls', async () => {
    const address = host.oneTimeUrl();
    const first = await fetch(address, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^minutebook-token=[0-9a-f]+; HttpOnly; SameSite=Strict; Path=\//);
    const page = await fetch(`${host.origin}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<meta name="minutebook-token" content="${host.token}" />`);
    expect((await fetch(address, { redirect: 'manual' })).status).toBe(403);
  });

  it('refuses a call that carries only the cookie: a page on another site gets the cookie sent, never the header', async () => {
    const cookie = (await fetch(host.oneTimeUrl(), { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(`${host.origin}/api/settings.update`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Mallory' }),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toEqual({ code: 'forbidden', message: 'This request did not come from the Minute Book page, so it was refused.' });
    expect((await (await call('settings.get', {})).json()).value.displayName).toBe('Jane Clerk');
  });

  it('serves the page only to a browser that already holds the token', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('Open Minute Book with the address it gave when it started; this one has no key.');
  });

  it('refuses requests from another origin, even with the token, and says which', async () => {
    const refusals: HostRefusal[] = [];
    await host.close();
    host = await startTestHost({ core: temp.startCore(), rendererDir: join(temp.root, 'renderer'), onRefused: (refusal) => refusals.push(refusal) });
    const other = `http://127.0.0.1:${Number(new URL(host.origin).port) === 65535 ? 65534 : Number(new URL(host.origin).port) + 1}`;
    const headers = { 'content-type': 'application/json', 'x-minutebook-token': host.token };
    const attempts: Record<string, string>[] = [{ origin: other }, { origin: 'null' }, { 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'cross-site' }];
    for (const extra of attempts) {
      const response = await send(host, {
        path: '/api/settings.update',
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify({ displayName: 'Mallory' }),
      });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.text).error.code).toBe('forbidden');
    }
    const stream = await send(host, { path: `/api/events?token=${host.token}`, method: 'GET', headers: { origin: other } });
    expect(stream.status).toBe(403);
    expect(refusals.map((refusal) => refusal.reason)).toEqual([
      `it came from another site (${other})`,
      'it came from another site (null)',
      'the browser said it came from a same-site page',
      'the browser said it came from a cross-site page',
      `it came from another site (${other})`,
    ]);
    expect((await (await call('settings.get', {})).json()).value.displayName).toBe('Jane Clerk');
    // The page's own requests: same origin, or typed in the address bar.
    const own = await send(host, {
      path: '/api/settings.get',
      method: 'POST',
      headers: { ...headers, origin: host.origin, 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(own.status).toBe(200);
    expect((await send(host, { path: `/?token=${host.token}`, method: 'GET', headers: { 'sec-fetch-site': 'none' } })).status).toBe(200);
  });

  it('takes a body only when it is declared as JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${host.origin}/api/settings.update`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-minutebook-token': host.token },
        body: JSON.stringify({ displayName: 'Mallory' }),
      });
      expect(response.status).toBe(415);
      expect((await response.json()).error.message).toBe('Minute Book only accepts requests whose body is JSON (Content-Type: application/json).');
    }
    expect(
      (
        await fetch(`${host.origin}/api/settings.get`, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'x-minutebook-token': host.token },
          body: '{}',
        })
      ).status,
    ).toBe(200);
    expect((await (await call('settings.get', {})).json()).value.displayName).toBe('Jane Clerk');
  });

  it('answers at localhost as well as 127.0.0.1, on its own port only', async () => {
    const port = new URL(host.origin).port;
    expect((await send(host, { path: `/?token=${host.token}`, method: 'GET', headers: { host: `localhost:${port}` } })).status).toBe(200);
    const fromLocalhostPage = await send(host, {
      path: '/api/settings.get',
      method: 'POST',
      headers: { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'content-type': 'application/json', 'x-minutebook-token': host.token },
      body: '{}',
    });
    expect(fromLocalhostPage.status).toBe(200);
    expect((await send(host, { path: '/', method: 'GET', headers: { host: `localhost:${Number(port) + 1}` } })).status).toBe(421);
    expect((await send(host, { path: '/', method: 'GET', headers: { host: `127.0.0.1.evil.example:${port}` } })).status).toBe(421);
  });

  it('refuses a caller without the token', async () => {
    const response = await call('meetings.list', {}, 'wrong');
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  it('returns the core’s own message for invalid input', async () => {
    const reply = await (await call('meetings.open', { meetingId: '../../etc' })).json();
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'meetings.open was refused: an id may only hold letters, digits, "-" and "_" (at meetingId).' },
    });
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const response = await fetch(host.url);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('Minute Book');
  });

  it('sends the same policy the page carries in its meta tag', async () => {
    const page = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect((await fetch(host.url)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const port = new URL(host.origin).port;
      request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (response) => resolve(response.statusCode ?? 0))
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });
});

describe('exporting minutes through the contract', () => {
  let exportRoot: TempLibrary;
  let exportHost: TestHost;
  let desktopCalls: DesktopCall[];
  let chooseAnswer: string | undefined;

  async function startWith(desktop: Desktop): Promise<void> {
    const settings = fileSettingsStore(join(exportRoot.data, 'settings.json'), { displayName: 'Jane Clerk', libraryPath: exportRoot.library });
    // Autosave long after the test ends: what is exported must come from the open meeting, not the file.
    const core = createMinuteBookCore({ settings, desktop, journalDir: join(exportRoot.data, 'journal'), saveDelayMs: 60_000 });
    const rendererDir = join(exportRoot.root, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Minute Book</title>');
    exportHost = await startTestHost({ core, rendererDir });
    cores.push(core);
  }

  const cores: MinuteBookCore[] = [];
  beforeEach(async () => {
    exportRoot = await makeTempLibrary();
    desktopCalls = [];
    chooseAnswer = undefined;
  });
  afterEach(async () => {
    await exportHost?.close();
    await Promise.all(cores.splice(0).map((core) => core.close()));
    await exportRoot.remove();
  });

  async function ask(name: string, body: unknown): Promise<{ ok: boolean; value?: never; error?: { code: string; message: string; suggestedPath?: string } }> {
    const response = await fetch(`${exportHost.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-minutebook-token': exportHost.token },
      body: JSON.stringify(body),
    });
    return (await response.json()) as never;
  }

  async function value<T>(name: string, body: unknown): Promise<T> {
    const reply = await ask(name, body);
    if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
    return reply.value as T;
  }

  /** A meeting with one item whose minutes were typed a moment ago (not yet in the library file). */
  async function meetingWithTypedMinutes(): Promise<{ meetingId: string; itemId: string }> {
    const created = await value<OpenedMeeting>('meetings.create', sampleDetails);
    const item = createAgendaItem('Director’s six-month update');
    await value('meetings.applyChanges', {
      seenView: created.view,
      meetingId: created.meeting.id,
      changes: [
        { kind: 'item.add', item, index: 0 },
        {
          kind: 'item.minutes',
          itemId: item.id,
          minutes: [{ id: 'blk-typed-0001', type: 'paragraph', runs: [{ text: 'The Panel noted the report – “significant” pressures.' }] }],
        },
      ],
    });
    return { meetingId: created.meeting.id, itemId: item.id };
  }

  /** The text of the document, its headers and its footers, read with an unzip library, not our writer. */
  async function documentText(path: string): Promise<string> {
    const zip = await JSZip.loadAsync(await readFile(path));
    const parts = zip.file(/^word\/(document|header\d*|footer\d*)\.xml$/);
    expect(parts.map((part) => part.name)).toContain('word/document.xml');
    const texts = await Promise.all(parts.map((part) => part.async('string')));
    return texts.join('\n').replace(/<[^>]+>/g, '');
  }

  it('writes the meeting as it stands now into the library’s Exports folder, and offers that folder again', async () => {
    await startWith(recordingDesktop((call) => desktopCalls.push(call)));
    const { meetingId } = await meetingWithTypedMinutes();
    const targets = await value<ExportTargets>('meetings.exportTargets', { meetingId });
    expect(targets.folder).toBe(join(exportRoot.library, 'Exports'));
    expect(targets.paths.public).toBe(join(exportRoot.library, 'Exports', '2026-11-10 Children’s Services Scrutiny Panel minutes (public).docx'));
    expect(targets.canChooseFile).toBe(false);

    const exported = await value<ExportedMinutes>('meetings.export', { meetingId, version: 'public', draft: true });
    expect(exported.path).toBe(targets.paths.public);
    expect(exported.bytes).toBe((await stat(exported.path)).size);
    const text = await documentText(exported.path);
    expect(text).toContain('The Panel noted the report – “significant” pressures.');
    expect(text).toContain('DRAFT');
  });

  it('remembers the folder the clerk saved to last on this computer, and adds .docx to a name without it', async () => {
    await startWith(recordingDesktop((call) => desktopCalls.push(call)));
    const { meetingId } = await meetingWithTypedMinutes();
    const papers = join(exportRoot.root, 'Committee papers');
    await mkdir(papers);
    const exported = await value<ExportedMinutes>('meetings.export', {
      meetingId,
      version: 'confidential',
      draft: false,
      target: join(papers, 'Minutes 10 November'),
    });
    expect(exported.path).toBe(join(papers, 'Minutes 10 November.docx'));
    expect(await documentText(exported.path)).toContain('CONFIDENTIAL');
    const targets = await value<ExportTargets>('meetings.exportTargets', { meetingId });
    expect(targets.folder).toBe(papers);
    expect(targets.paths.confidential).toBe(join(papers, '2026-11-10 Children’s Services Scrutiny Panel minutes (confidential).docx'));
  });

  it('refuses a relative path or a folder that is not there, naming it', async () => {
    await startWith(recordingDesktop((call) => desktopCalls.push(call)));
    const { meetingId } = await meetingWithTypedMinutes();
    const relative = await ask('meetings.export', { meetingId, version: 'public', draft: true, target: 'minutes.docx' });
    expect(relative.error?.code).toBe('invalid-input');
    expect(relative.error?.message).toContain('full path');
    const missing = join(exportRoot.root, 'no such folder');
    const nowhere = await ask('meetings.export', { meetingId, version: 'public', draft: true, target: join(missing, 'minutes.docx') });
    expect(nowhere.error).toEqual({ code: 'no-such-folder', message: `There is no folder “${missing}”. Choose a folder that exists, or type its full path.` });
  });

  it('when Word has the file open, refuses with the reason and a free name beside it, and leaves the file alone', async () => {
    await startWith(recordingDesktop((call) => desktopCalls.push(call)));
    const { meetingId } = await meetingWithTypedMinutes();
    const folder = join(exportRoot.root, 'Minutes');
    await mkdir(folder);
    const target = join(folder, 'Panel.docx');
    await writeFile(target, 'the copy open in Word');
    await writeFile(join(folder, '~$Panel.docx'), 'owner');
    const reply = await ask('meetings.export', { meetingId, version: 'public', draft: true, target });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('export-target-busy');
    expect(reply.error?.message).toMatch(/^Panel\.docx is open in Word/);
    expect(reply.error?.suggestedPath).toBe(join(folder, 'Panel (2).docx'));
    expect(await readFile(target, 'utf8')).toBe('the copy open in Word');
  });

  it('opens and shows only files this session exported, through the desktop', async () => {
    await startWith(recordingDesktop((call) => desktopCalls.push(call)));
    const { meetingId } = await meetingWithTypedMinutes();
    const exported = await value<ExportedMinutes>('meetings.export', { meetingId, version: 'public', draft: true });
    expect(await value('files.open', { path: exported.path })).toEqual({ path: exported.path });
    expect(await value('files.showInFolder', { path: exported.path })).toEqual({ path: exported.path });
    expect(desktopCalls).toEqual([
      { action: 'openPath', path: exported.path },
      { action: 'showItemInFolder', path: exported.path },
    ]);

    const elsewhere = join(exportRoot.root, 'not exported.docx');
    await writeFile(elsewhere, 'x');
    for (const path of [elsewhere, '/etc/passwd', join(exportRoot.library, 'library.json'), 'relative.docx']) {
      for (const operation of ['files.open', 'files.showInFolder']) {
        const reply = await ask(operation, { path });
        expect(reply.error?.code).toBe('not-exported');
        expect(reply.error?.message).toContain('only opens the minutes it has exported');
      }
    }
    expect(desktopCalls).toHaveLength(2);
  });

  it('says so when an exported file has gone, or the desktop cannot open it', async () => {
    await startWith({
      async openPath() {
        throw new Error('No application is registered for .docx files');
      },
      showItemInFolder: (path) => desktopCalls.push({ action: 'showItemInFolder', path }),
    });
    const { meetingId } = await meetingWithTypedMinutes();
    const exported = await value<ExportedMinutes>('meetings.export', { meetingId, version: 'public', draft: true });
    const failed = await ask('files.open', { path: exported.path });
    expect(failed.error?.code).toBe('open-failed');
    expect(failed.error?.message).toContain('No application is registered for .docx files');
    await rm(exported.path);
    expect((await ask('files.showInFolder', { path: exported.path })).error?.code).toBe('not-found');
  });

  it('uses the desktop’s Save dialog where there is one, and says so where there is none', async () => {
    await startWith(recordingDesktop((call) => desktopCalls.push(call)));
    const none = await ask('files.chooseExportTarget', { defaultPath: join(exportRoot.root, 'a.docx') });
    expect(none.error?.code).toBe('no-desktop');
    await exportHost.close();

    const offered: string[] = [];
    await startWith({
      async openPath() {},
      showItemInFolder() {},
      async chooseSaveFile(defaultPath) {
        offered.push(defaultPath);
        return chooseAnswer;
      },
    });
    const { meetingId } = await meetingWithTypedMinutes();
    expect((await value<ExportTargets>('meetings.exportTargets', { meetingId })).canChooseFile).toBe(true);
    expect(await value('files.chooseExportTarget', { defaultPath: join(exportRoot.root, 'a.docx') })).toEqual({});
    chooseAnswer = join(exportRoot.root, 'Chosen name');
    expect(await value('files.chooseExportTarget', { defaultPath: join(exportRoot.root, 'a.docx') })).toEqual({
      path: join(exportRoot.root, 'Chosen name.docx'),
    });
    // A half-typed name in "Save as" starts the dialog in the export folder.
    chooseAnswer = undefined;
    await value('files.chooseExportTarget', { defaultPath: 'Minutes 10 Nov' });
    expect(offered).toEqual([join(exportRoot.root, 'a.docx'), join(exportRoot.root, 'a.docx'), join(exportRoot.library, 'Exports', 'Minutes 10 Nov.docx')]);
  });
});

describe('the house style through the contract', () => {
  it('reads the default, saves the library’s style to library.json, and refuses one the schema does not accept', async () => {
    const got = await (await call('library.houseStyle.get', {})).json();
    expect(got.value).toEqual({ libraryPath: temp.library, houseStyle: createLibrarySettings().houseStyle });
    const houseStyle = { ...createLibrarySettings().houseStyle, organisation: 'Bath & North East Somerset Council', minuteNumberPattern: 'PDS/{yy}/{n}' };
    const saved = await (await call('library.houseStyle.save', { houseStyle })).json();
    expect(saved).toEqual({ ok: true, value: { libraryPath: temp.library, houseStyle } });
    expect(JSON.parse(await readFile(join(temp.library, 'library.json'), 'utf8'))).toMatchObject({ houseStyle });

    const refused = await (await call('library.houseStyle.save', { houseStyle: { ...houseStyle, minuteNumberPattern: 'PDS/{yy}' } })).json();
    expect(refused.error).toEqual({
      code: 'invalid-input',
      message: 'library.houseStyle.save was refused: a minute number format must hold {n}, where the number goes (at houseStyle.minuteNumberPattern).',
    });
    expect(JSON.parse(await readFile(join(temp.library, 'library.json'), 'utf8')).houseStyle.minuteNumberPattern).toBe('PDS/{yy}/{n}');
  });

  it('gives an opened meeting the minute-number format of its committee, over the library’s', async () => {
    const houseStyle = { ...createLibrarySettings().houseStyle, minuteNumberPattern: '{n}.' };
    await call('library.houseStyle.save', { houseStyle });
    const adHoc = await (await call('meetings.create', sampleDetails)).json();
    expect(adHoc.value.minuteNumberPattern).toBe('{n}.');

    const committee = { ...createCommittee('Planning Committee'), houseStyle: { minuteNumberPattern: 'PL/{yy}/{n}' } };
    expect((await (await call('committees.save', { committee })).json()).ok).toBe(true);
    const planning = await (await call('meetings.create', { ...sampleDetails, date: '2026-11-11', committeeSlug: committee.slug })).json();
    expect(planning.value.minuteNumberPattern).toBe('PL/{yy}/{n}');
  });
});

describe('the desktop in browser mode', () => {
  it('opens a file as one argument of the platform’s opener, never through a shell', () => {
    const nasty = '/home/jane/Minutes $(rm -rf ~); & "quoted".docx';
    expect(platformCommand('openPath', nasty, 'linux')).toEqual({ program: 'xdg-open', args: [nasty] });
    expect(platformCommand('showItemInFolder', nasty, 'linux')).toEqual({ program: 'xdg-open', args: ['/home/jane'] });
    expect(platformCommand('openPath', nasty, 'darwin')).toEqual({ program: 'open', args: [nasty] });
    expect(platformCommand('showItemInFolder', nasty, 'darwin')).toEqual({ program: 'open', args: ['-R', nasty] });
    expect(platformCommand('openPath', 'C:\\Minutes\\a.docx', 'win32')).toEqual({ program: 'explorer.exe', args: ['C:\\Minutes\\a.docx'] });
  });

  it('reports an opener that cannot be started instead of failing silently', async () => {
    const missing = platformDesktop('linux');
    // With no PATH, xdg-open cannot be found.
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(missing.openPath('/tmp/minutes.docx')).rejects.toThrow(/xdg-open could not be started/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('bad input gets a sentence, never a stack trace or a hung call', () => {
  it('refuses JSON nested deeper than any screen sends, before parsing it', async () => {
    for (const body of ['['.repeat(100_000) + ']'.repeat(100_000), `{"displayName":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`]) {
      const response = await fetch(`${host.origin}/api/settings.update`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-minutebook-token': host.token },
        body,
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toEqual({
        code: 'invalid-input',
        message: 'The request is nested more than 64 levels deep, which no Minute Book screen sends; it was refused.',
      });
    }
  });

  it('refuses deep input inside the schemas’ own recursive parts, whichever door it came through', async () => {
    let value: unknown = 'x';
    for (let depth = 0; depth < 50_000; depth++) value = [value];
    const change = { kind: 'conflict.resolve', conflictId: 'cfl-0001', resolution: { value } };
    const reply = await dispatchOperation(temp.startCore().handlers, 'meetings.applyChanges', { meetingId: 'mtg-0001', seenView: 0, changes: [change] });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'meetings.applyChanges was refused: its input is nested more than 64 levels deep, which no Minute Book screen sends.',
      },
    });
  });

  it('refuses an address with a broken % escape with a sentence', async () => {
    const response = await send(host, { path: '/assets/%E0%A4%A.js', method: 'GET' });
    expect(response.status).toBe(400);
    expect(response.text).toBe('The address holds a broken % escape, so Minute Book cannot tell which file it names.');
  });

  it('answers a body over the limit with 413 and a sentence', async () => {
    const response = await fetch(`${host.origin}/api/settings.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-minutebook-token': host.token },
      body: JSON.stringify({ displayName: 'x'.repeat(21 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toEqual({
      code: 'too-large',
      message: 'The request is too large for Minute Book (more than 20 MB); nothing in it was kept.',
    });
  });

  it('refuses a library folder in /proc, /sys or /dev at once, with a sentence', async () => {
    for (const libraryPath of ['/proc/self', '/proc/self/cwd/minutes', '/sys/kernel', '/dev/shm/Minute Book']) {
      const reply = await (await call('settings.update', { libraryPath })).json();
      expect(reply.ok).toBe(false);
      expect(reply.error.code).toBe('library-unusable');
      expect(reply.error.message).toMatch(
        new RegExp(
          `^The library folder “${libraryPath.replace(/[/]/g, '\\/')}” is (inside /(proc|sys|dev)|on the \\w+ file system), which shows the running system rather than holding files, so it cannot be a library\\.`,
        ),
      );
    }
    // A symlink that leads there is followed.
    await symlink('/proc/self', join(temp.root, 'looks-ordinary'));
    const reply = await (await call('settings.update', { libraryPath: join(temp.root, 'looks-ordinary', 'Minute Book') })).json();
    expect(reply.error?.message).toContain('is inside /proc');
    expect((await (await call('settings.get', {})).json()).value.libraryPath).toBe(temp.library);
  });

  it('refuses impossible dates wherever the contract takes one', async () => {
    for (const date of ['2026-13-45', '2026-02-30', '2025-02-29', '2026-04-31', '2026-00-10']) {
      const reply = await (await call('meetings.create', { ...sampleDetails, date })).json();
      expect(reply.error).toEqual({
        code: 'invalid-input',
        message: 'meetings.create was refused: that date is not on the calendar (a month is 01 to 12, and the day must be in that month) (at date).',
      });
    }
    expect((await (await call('meetings.create', { ...sampleDetails, date: '2024-02-29' })).json()).ok).toBe(true);
    const created = (await (await call('meetings.create', sampleDetails)).json()).value as OpenedMeeting;
    const meetingId = created.meeting.id;
    const moved = await (
      await call('meetings.applyChanges', { meetingId, seenView: created.view, changes: [{ kind: 'meeting.update', fields: { date: '2026-02-30' } }] })
    ).json();
    expect(moved.error).toEqual({
      code: 'invalid-input',
      message: 'meetings.applyChanges was refused: 2026-02-30 is not a date on the calendar (at changes.0.fields.date).',
    });
    const action = { id: 'act-0001', itemId: 'itm-0001', text: 'Report back', ownerName: 'Director', due: '2026-13-45', status: 'open' };
    const due = await (
      await call('meetings.applyChanges', { meetingId, seenView: created.view, changes: [{ kind: 'entity.put', collection: 'actions', entity: action }] })
    ).json();
    expect(due.error?.message).toBe('meetings.applyChanges was refused: 2026-13-45 is not a date on the calendar (at changes.0.entity.due).');
  });

  it('still lists and opens a file written with an impossible date, and tells the clerk which date to correct', async () => {
    const meeting = createMeeting({ ...sampleDetails, date: '2026-02-30' }, new Date('2026-02-01T09:00:00Z'));
    await mkdir(join(temp.library, 'meetings', '2026'), { recursive: true });
    await writeFile(join(temp.library, 'meetings', '2026', '2026-02-30 panel.json'), JSON.stringify(meeting, null, 2));
    const listed = (await (await call('meetings.list', {})).json()).value;
    expect(listed.meetings.map((each: { id: string }) => each.id)).toEqual([meeting.id]);
    const opened = await (await call('meetings.open', { meetingId: meeting.id })).json();
    expect(opened.ok).toBe(true);
    expect(opened.value.notices).toContain('This meeting’s date, 2026-02-30, is not a date on the calendar: correct it in the meeting’s details.');
    const corrected = await (
      await call('meetings.applyChanges', {
        meetingId: meeting.id,
        seenView: opened.value.view,
        changes: [{ kind: 'meeting.update', fields: { date: '2026-02-28' } }],
      })
    ).json();
    expect(corrected.ok).toBe(true);
  });
});
