// What a transport (Electron IPC, the loopback server) talks to: the backend, wherever it runs. The
// desktop app and `npm run dev:web` run it in a worker thread (backend-worker.ts), so that an import or
// a save never holds up the main process; unit tests may run it in the same thread (inProcessHost).
import type { Dispatch } from '../../shared/contracts/dispatch.ts';
import { argsFromJsonBody, encodeEnvelope, type EncodedAnswer } from './encoded.ts';

export interface BackendHost {
  /** A bridge call whose arguments arrived as values (Electron IPC). */
  call(method: unknown, args: unknown): Promise<EncodedAnswer>;
  /** A bridge call whose body arrived as JSON bytes, {"args": [...]} (the loopback server). */
  callWithJsonBody(method: string, body: Uint8Array): Promise<EncodedAnswer>;
  /** Opens a workbook file the operating system handed to the app; rejects with a message to show. */
  openFile(file: string): Promise<void>;
  close(): Promise<void>;
}

export function inProcessHost(dispatch: Dispatch, backend: { openFile(file: string): unknown; shutdown(): void }): BackendHost {
  return {
    call: async (method, args) => encodeEnvelope(await dispatch(method, args)),
    callWithJsonBody: async (method, body) => {
      const request = argsFromJsonBody(method, body);
      return 'answer' in request ? request.answer : encodeEnvelope(await dispatch(method, request.args));
    },
    openFile: async (file) => void backend.openFile(file),
    close: async () => backend.shutdown(),
  };
}
