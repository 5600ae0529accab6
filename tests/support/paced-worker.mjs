// The backend worker's entry for the progress tests: the real backend from the TypeScript sources (as
// dev-worker.mjs starts it), with each import's row counts paced (paced-work.ts).
import { register } from 'tsx/esm/api';

register();
const { serveBackendWorker } = await import('../../electron/backend-host/serve-worker.ts');
const { pacedImports } = await import('./paced-work.ts');
/** Each report comes every 2,000 rows: 100,000 rows then take at least 50 x 200 ms = 10 s to read. */
serveBackendWorker({ wrapTracker: pacedImports(200) });
