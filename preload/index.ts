/**
 * The preload script: gives the page `window.minutebook`, one method per operation of the API
 * contract plus a subscription to the core's pushes, and nothing else. ipcRenderer and IPC event
 * objects never cross into the page, so the page can reach only the operations listed in the
 * contract. It runs sandboxed, so electron-vite bundles it into a single CommonJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames, type ApiEvent, type MinuteBookBridge, type OperationName } from '../main/domain/api';

type OperationMethods = Omit<MinuteBookBridge, 'onEvent'>;

function invoker(name: OperationName): (input: unknown) => Promise<unknown> {
  // Only the input crosses; the main process answers every call with the ApiReply envelope.
  return (input) => ipcRenderer.invoke(ipcChannel(name), input);
}

/** The methods are built from the contract's list, so this confirms none is missing. */
function hasEveryOperation(methods: Record<string, unknown>): methods is OperationMethods {
  return operationNames.every((name) => typeof methods[name] === 'function');
}

function onEvent(listener: (event: ApiEvent) => void): () => void {
  // The IPC event carries the sender and its ports; the page receives the payload alone.
  const forward = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  };
}

function createBridge(): MinuteBookBridge {
  const methods: Record<string, unknown> = Object.fromEntries(operationNames.map((name) => [name, invoker(name)]));
  if (!hasEveryOperation(methods)) throw new Error('Minute Book could not prepare its window: an operation is missing.');
  return { ...methods, onEvent };
}

contextBridge.exposeInMainWorld('minutebook', createBridge());
