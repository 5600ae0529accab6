// Registers one IPC handler per bridge method. Each call is checked twice before the backend sees it: the
// sender must be the app's own main frame in the app's own window, and the payload must match the method's
// schema (done by the shared dispatcher, the same one the loopback server uses, in the backend's worker).
// The answer is the envelope as JSON bytes, passed on unread; the preload reads it.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { bridgeMethodNames, ipcChannelFor } from '../../shared/contracts/bridge.ts';
import { failure } from '../backend-host/encoded.ts';
import type { BackendHost } from '../backend-host/host.ts';
import { isAppUrl } from './app-origin.ts';

type SenderInfo = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: { id: number } };

export function isTrustedSender(event: SenderInfo, trustedWebContentsId: () => number | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false; // only the top frame, never an iframe
  if (event.sender.id !== trustedWebContentsId()) return false;
  return isAppUrl(frame.url);
}

export function registerBridgeHandlers(
  ipc: Pick<IpcMain, 'handle'>,
  host: Pick<BackendHost, 'call'>,
  trustedWebContentsId: () => number | null,
): void {
  for (const name of bridgeMethodNames) {
    ipc.handle(ipcChannelFor(name), async (event, rawArgs: unknown): Promise<Uint8Array> => {
      if (!isTrustedSender(event, trustedWebContentsId)) {
        return failure('bad-request', `${name}: refused, the call did not come from the app window.`).json;
      }
      return (await host.call(name, rawArgs)).json;
    });
  }
}
