/**
 * The IPC binding: one handler per operation of the contract, callers other than the top frame
 * of our own page refused before the core is reached, input checked against the contract.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, operationNames, type ApiHandlers } from '../../main/domain/api';
import { bindApi, ownPageSenderCheck, type InvokeEvent, type SenderFrame } from '../../main/electron/ipc';
import { locateOwnPage } from '../../main/electron/ownPage';
import { FakeEmitter } from './fakeElectron';

/** A minimal ipcMain: one listener per channel, as Electron enforces. */
class RecordingIpcMain extends FakeEmitter {
  readonly handlers = new Map<string, (event: InvokeEvent, raw: unknown) => Promise<unknown>>();
  registrations = 0;

  handle(channel: string, listener: (event: InvokeEvent, raw: unknown) => Promise<unknown>): void {
    this.registrations += 1;
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async invoke(channel: string, event: InvokeEvent, raw: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, raw);
  }
}

/** Every operation answers with its own name and the input it was given. */
function fakeHandlers(): { handlers: ApiHandlers; calls: Map<string, ReturnType<typeof vi.fn>> } {
  const calls = new Map<string, ReturnType<typeof vi.fn>>();
  for (const name of operationNames)
    calls.set(
      name,
      vi.fn(async (input: unknown) => ({ answeredBy: name, input })),
    );
  const handlers = Object.fromEntries(calls) as unknown as ApiHandlers;
  return { handlers, calls };
}

const page = locateOwnPage('/fake/app', undefined);
const ownUrl = page.url;

function topFrameEvent(url: string): InvokeEvent {
  const frame: SenderFrame = { url, parent: null };
  return { senderFrame: frame, sender: { mainFrame: frame } };
}

function subFrameEvent(url: string): InvokeEvent {
  const top: SenderFrame = { url: ownUrl, parent: null };
  return { senderFrame: { url, parent: top }, sender: { mainFrame: top } };
}

describe('our own page', () => {
  it('is the built renderer on the app’s own scheme', () => {
    expect(ownUrl).toBe('app://minutebook/index.html');
  });
});

describe('bindApi', () => {
  let ipcMain: RecordingIpcMain;
  let fake: ReturnType<typeof fakeHandlers>;

  beforeEach(() => {
    ipcMain = new RecordingIpcMain();
    fake = fakeHandlers();
    bindApi(ipcMain, fake.handlers, ownPageSenderCheck(page));
  });

  it('registers exactly one handler for each operation in the contract', () => {
    expect(ipcMain.registrations).toBe(operationNames.length);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort());
  });

  it('passes valid input, as parsed by the contract, to the core', async () => {
    const reply = await ipcMain.invoke(ipcChannel('settings.update'), topFrameEvent(ownUrl), { displayName: '  Ann Clerk ' });
    expect(reply).toEqual({ ok: true, value: { answeredBy: 'settings.update', input: { displayName: 'Ann Clerk' } } });
    expect(fake.calls.get('settings.update')).toHaveBeenCalledTimes(1);
  });

  it('accepts our page with a hash or query, as the renderer may use them', async () => {
    const reply = await ipcMain.invoke(ipcChannel('meetings.list'), topFrameEvent(`${ownUrl}?view=list#meeting-1`), {});
    expect(reply).toMatchObject({ ok: true });
  });

  it.each([
    ['another page', topFrameEvent('https://example.org/index.html')],
    ['another file on this computer', topFrameEvent('file:///tmp/evil.html')],
    ['the built page opened from file://', topFrameEvent('file:///fake/app/out/renderer/index.html')],
    ['another host on our scheme', topFrameEvent('app://elsewhere/index.html')],
    ['another document on our scheme', topFrameEvent('app://minutebook/assets/evil.html')],
    ['a sub-frame inside our page', subFrameEvent(ownUrl)],
    ['a frame that has gone away', { senderFrame: null, sender: { mainFrame: { url: ownUrl, parent: null } } }],
  ])('refuses %s without calling the core', async (_label, event: InvokeEvent) => {
    const reply = await ipcMain.invoke(ipcChannel('meetings.list'), event, {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('meetings.list') },
    });
    for (const call of fake.calls.values()) expect(call).not.toHaveBeenCalled();
  });

  it('refuses invalid input with a message naming the operation and the problem', async () => {
    const reply = await ipcMain.invoke(ipcChannel('settings.update'), topFrameEvent(ownUrl), { displayName: '   ' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'settings.update was refused: your name is required (at displayName).' },
    });
    expect(fake.calls.get('settings.update')).not.toHaveBeenCalled();
  });

  it('refuses input with fields the contract does not know', async () => {
    const reply = await ipcMain.invoke(ipcChannel('meetings.list'), topFrameEvent(ownUrl), { path: '/etc/passwd' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(fake.calls.get('meetings.list')).not.toHaveBeenCalled();
  });

  it('removes every handler when unbound', () => {
    const again = new RecordingIpcMain();
    const unbind = bindApi(again, fake.handlers, ownPageSenderCheck(page));
    unbind();
    expect(again.handlers.size).toBe(0);
  });
});

describe('ownPageSenderCheck during development', () => {
  const devPage = locateOwnPage('/fake/app', 'http://localhost:5173/');
  const check = ownPageSenderCheck(devPage);

  it('trusts the electron-vite dev server and nothing else', () => {
    expect(check(topFrameEvent('http://localhost:5173/index.html'))).toBe(true);
    expect(check(topFrameEvent('http://localhost:5174/'))).toBe(false);
    expect(check(topFrameEvent(ownUrl))).toBe(false);
  });
});
