// Starts the real backend behind the real loopback server, serving the real renderer build, in a fresh
// temporary data folder: the whole app as the browser tests and `npm run dev:web` see it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceWorkerEntry, startBackendWorker } from '../../electron/backend-host/backend-worker.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { startLoopbackServer, type LoopbackServer } from '../../electron/loopback/server.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const rendererBuild = path.join(projectRoot, 'dist', 'renderer');

export interface RunningApp {
  server: LoopbackServer;
  dataFolder: string;
  stop(): Promise<void>;
}

/** The worker that paces each import's row counts, for the progress tests (paced-work.ts). */
export const pacedWorkerEntry = new URL('./paced-worker.mjs', import.meta.url);

/**
 * `prepare` may put files in the data folder before the app first looks at it (a workbook left open last
 * time); `workerEntry` is the backend worker's script (the sources' own, or the paced one).
 */
export async function startLoopbackApp(rendererRoot = rendererBuild, prepare?: (dataFolder: string) => void, workerEntry: URL = sourceWorkerEntry): Promise<RunningApp> {
  const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'demand-workbook-data-'));
  prepare?.(dataFolder);
  // The backend in its worker thread, as the desktop app and dev:web run it.
  const backend = startBackendWorker({ entry: workerEntry, productName: 'Demand Workbook', version: '0.1.0', transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder) });
  const server = await startLoopbackServer({ host: backend, rendererRoot });
  // Ready when the page opens, as the desktop app is by the time its window shows: the worker has
  // loaded and the first workbook (the demo) is open.
  await backend.call('getWorkbook', []);
  return {
    server,
    dataFolder,
    stop: async () => {
      await server.close();
      await backend.close();
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

export function requireRendererBuild(): void {
  if (!existsSync(path.join(rendererBuild, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build:renderer" (npm test does it first).');
  }
}
