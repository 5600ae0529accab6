// Registers one IPC handler per bridge method. Each call is checked twice before the backend sees it: the
// sender must be the app's own main frame in the app's own window, and the payload must match the method's
// schema (done by the shared dispatcher, the same one the loopback server uses, in the backend's worker).
// Both ways the payload is JSON bytes, {"args": [...]} in and the envelope out, as over the loopback
// transport: this process passes them between the window and the backend's worker without reading them,
// so a 100,000-row paste costs it a copy of bytes, not the parsing or cloning of megabytes of values.
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
  host: Pick<BackendHost, 'callWithJsonBody'>,
  trustedWebContentsId: () => number | null,
): void {
  for (const name of bridgeMethodNames) {
    ipc.handle(ipcChannelFor(name), async (event, body: unknown): Promise<Uint8Array> => {
      if (!isTrustedSender(event, trustedWebContentsId)) {
        return failure('bad-request', `${name}: refused, the call did not come from the app window.`).json;
      }
      if (!(body instanceof Uint8Array)) return failure('bad-request', `${name}: the call must carry its arguments as JSON bytes.`).json;
      return (await host.callWithJsonBody(name, body)).json;
    });
  }
}
