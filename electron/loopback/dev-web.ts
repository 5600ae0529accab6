// `npm run dev:web`: the whole app (renderer, backend, files) in this computer's default browser, through
// the loopback transport. For developers, and for analysts whose machine cannot fetch Electron.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceWorkerEntry, startBackendWorker } from '../backend-host/backend-worker.ts';
import { defaultDataFolder, productName } from '../common/app-paths.ts';
import { savePathChooser } from '../common/export-folder.ts';
import { browserCommand } from './browser-opener.ts';
import { startLoopbackServer } from './server.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
const dataFolder = process.env.DEMAND_WORKBOOK_DATA ?? defaultDataFolder();
mkdirSync(dataFolder, { recursive: true });

// The backend in a worker thread, as in the desktop app: the server stays responsive during an import.
const backend = startBackendWorker({ entry: sourceWorkerEntry, productName, version, transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder) });
const server = await startLoopbackServer({
  host: backend,
  rendererRoot: path.join(projectRoot, 'dist', 'renderer'),
});

console.log(`Demand Workbook is running on this computer only (nothing is sent anywhere).
Open this link in your browser if it did not open by itself:

  ${server.launchUrl}

The link works only while this window is open. Press Ctrl+C to stop.`);

const opener = browserCommand(server.launchUrl, process.env, process.platform, process.argv);
if (opener) {
  const child = spawn(opener[0], opener[1], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no browser opener: the printed link is enough
  child.unref();
}

const stop = () =>
  void server
    .close()
    .then(() => backend.close())
    .then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
