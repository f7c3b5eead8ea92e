/**
 * The preload bridge: the page gets exactly the contract's operations and onEvent, each call
 * goes to that operation's channel, and neither ipcRenderer nor IPC event objects reach the page.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames, type MinuteBookBridge } from '../../main/domain/api';
import { fakeElectron, fakeEvent, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let bridge: MinuteBookBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../preload/index');
  expect(fakeElectron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  expect(fakeElectron.contextBridge.exposed.has('minutebook')).toBe(true);
  bridge = fakeElectron.contextBridge.exposed.get('minutebook') as MinuteBookBridge;
});

describe('window.minutebook', () => {
  it('has exactly the operations of the contract and onEvent', () => {
    expect(Object.keys(bridge).sort()).toEqual([...operationNames, 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('does not expose ipcRenderer or any generic way to send', () => {
    const values: unknown[] = Object.values(bridge);
    expect(values).not.toContain(fakeElectron.ipcRenderer);
    expect(values).not.toContain(fakeElectron.ipcRenderer.invoke);
    expect(values).not.toContain(fakeElectron.ipcRenderer.send);
    for (const key of ['ipcRenderer', 'invoke', 'send', 'on']) expect(bridge).not.toHaveProperty(key);
  });

  it('sends each operation on its own channel with the input only', async () => {
    fakeElectron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { libraryPath: '/l', meetings: [], unreadable: [] } });
    const reply = await bridge['meetings.list']({});
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel('meetings.list'), {});
    expect(reply).toEqual({ ok: true, value: { libraryPath: '/l', meetings: [], unreadable: [] } });

    await bridge['meetings.open']({ meetingId: 'meeting-1' });
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel('meetings.open'), { meetingId: 'meeting-1' });
  });

  it('delivers pushes without the IPC event, and stops when unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    const push = { type: 'saveState', saveState: { meetingId: 'm-1', state: 'saved', pendingChanges: 0 } };
    fakeElectron.ipcRenderer.fire(IPC_EVENT_CHANNEL, { ...fakeEvent(), sender: fakeElectron.ipcRenderer }, push);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([push]);

    unsubscribe();
    expect(fakeElectron.ipcRenderer.count(IPC_EVENT_CHANNEL)).toBe(0);
    fakeElectron.ipcRenderer.fire(IPC_EVENT_CHANNEL, fakeEvent(), push);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
