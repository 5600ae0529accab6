// The backend worker thread's script: bundled into dist/electron/backend-worker.js for the desktop app,
// run through dev-worker.mjs from the sources.
import { serveBackendWorker } from './serve-worker.ts';

serveBackendWorker();
