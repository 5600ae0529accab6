// Registers one IPC handler per bridge method. Each call is checked twice before the backend sees it: the
// sender must be the app's own main frame in the app's own window, and the payload must match the method's
// schema (done by the shared dispatcher, the same one the loopback server uses).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { bridgeMethodNames, ipcChannelFor } from '../../shared/contracts/bridge.ts';
import type { BridgeEnvelope, Dispatch } from '../../shared/contracts/dispatch.ts';
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
  dispatch: Dispatch,
  trustedWebContentsId: () => number | null,
): void {
  for (const name of bridgeMethodNames) {
    ipc.handle(ipcChannelFor(name), async (event, rawArgs: unknown): Promise<BridgeEnvelope> => {
      if (!isTrustedSender(event, trustedWebContentsId)) {
        return { ok: false, error: { code: 'bad-request', message: `${name}: refused, the call did not come from the app window.` } };
      }
      return dispatch(name, rawArgs);
    });
  }
}
