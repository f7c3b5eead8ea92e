/**
 * Binds every operation of the API contract to an IPC channel. Before anything reaches the core,
 * the caller must be our own page in the top frame of a window; then the input passes the
 * operation's schema (in dispatchOperation) and the core's reply goes back in the envelope.
 * The list of channels comes from the contract, so a new operation needs no change here.
 */
import { operationNames, ipcChannel, type ApiHandlers, type ApiReply } from '../domain/api';
import { dispatchOperation } from '../core/dispatch';
import { isOwnPageUrl, type OwnPage } from './ownPage';

/** The parts of Electron's frame that the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** The parts of Electron's IpcMainInvokeEvent that the sender check reads. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
  readonly sender: { readonly mainFrame: SenderFrame };
}

/** The parts of Electron's ipcMain that the binding uses. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: InvokeEvent, raw: unknown) => Promise<ApiReply<unknown>>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: InvokeEvent) => boolean;

/**
 * Only the top frame of our own page may call the core. An embedded frame, a page the window was
 * somehow navigated to, or a frame that has already gone away (senderFrame is null) is refused.
 */
export function ownPageSenderCheck(page: OwnPage): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    const isTopFrame = frame === event.sender.mainFrame || frame.parent === null;
    return isTopFrame && isOwnPageUrl(page, frame.url);
  };
}

/** Registers one handler per operation; the returned function removes them all again. */
export function bindApi(ipcMain: IpcRegistry, handlers: ApiHandlers, isTrustedSender: SenderCheck): () => void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), async (event, raw) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: `Minute Book refused “${name}” because it did not come from the Minute Book window.`,
          },
        };
      }
      return dispatchOperation(handlers, name, raw);
    });
  }
  return () => {
    for (const name of operationNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
