// The worker's entry when the app runs from its TypeScript sources (npm run dev:web, the tests, the
// benchmarks): compile on the fly with tsx, then start the worker. The desktop build bundles
// worker-entry.ts into dist/electron/backend-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
