// Messages between the main process (backend-worker.ts) and the backend's worker thread
// (worker-entry.ts). Internal to this folder: the window never sees them; its calls were checked by the
// transport (sender, token) and are checked against the bridge schemas inside the worker.
import type { Transport } from '../../shared/contracts/schemas.ts';
import type { PublishedWork } from '../backend/work.ts';

export interface WorkerSetup {
  productName: string;
  version: string;
  transport: Transport;
  dataFolder: string;
  /** One Int32: the main process sets it to 1 to cancel the work under way. */
  cancelFlag: SharedArrayBuffer;
  /** Whether the main process can show an "open file" chooser (the browser version cannot). */
  canChooseOpenPath: boolean;
  /** Whether the main process can show the SSDA903 chooser (folders, zips, CSV files). */
  canChooseSsda903Paths: boolean;
}

export type ToWorker =
  | { type: 'call'; id: number; method: unknown; args: unknown }
  | { type: 'call-json'; id: number; method: string; body: Uint8Array }
  | { type: 'chosen'; id: number; path: string | null }
  | { type: 'chosen-paths'; id: number; paths: string[] | null }
  | { type: 'open-file'; id: number; file: string }
  | { type: 'shutdown' };

export type FromWorker =
  | { type: 'answer'; id: number; ok: boolean; code: string | null; json: Uint8Array }
  | { type: 'ask'; id: number; question: 'save-path'; suggestedName: string; kind: 'workbook' | 'excel' }
  | { type: 'ask'; id: number; question: 'open-path' }
  | { type: 'ask'; id: number; question: 'ssda903-paths'; what: 'folder' | 'files' }
  | { type: 'opened'; id: number; error: string | null }
  | { type: 'work'; work: PublishedWork | null }
  | { type: 'closed' };
