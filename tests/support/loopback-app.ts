// Starts the real backend behind the real loopback server, serving the real renderer build, in a fresh
// temporary data folder: the whole app as the browser tests and `npm run dev:web` see it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../../shared/contracts/dispatch.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { startLoopbackServer, type LoopbackServer } from '../../electron/loopback/server.ts';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const rendererBuild = path.join(projectRoot, 'dist', 'renderer');

export interface RunningApp {
  server: LoopbackServer;
  dataFolder: string;
  stop(): Promise<void>;
}

export async function startLoopbackApp(rendererRoot = rendererBuild): Promise<RunningApp> {
  const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'demand-workbook-data-'));
  const backend = createBackend({ productName: 'Demand Workbook', version: '0.1.0', transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder) });
  const server = await startLoopbackServer({ dispatch: createDispatcher(backend), rendererRoot });
  return {
    server,
    dataFolder,
    stop: async () => {
      await server.close();
      backend.shutdown();
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

export function requireRendererBuild(): void {
  if (!existsSync(path.join(rendererBuild, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build:renderer" (npm test does it first).');
  }
}
