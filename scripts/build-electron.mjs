// Bundles the Electron main process (ESM), the backend's worker thread (ESM, beside main.js) and the
// preload (CommonJS: a sandboxed preload can only be a single classic script) into dist/electron.
// Electron itself and native modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

// Bundled CommonJS (SheetJS) may call require for Node built-ins, and better-sqlite3 is loaded by require:
// give the ESM bundles one.
const requireBanner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.js', format: 'esm' }),
  build({ ...common, entryPoints: ['electron/backend-host/worker-entry.ts'], outfile: 'dist/electron/backend-worker.js', format: 'esm', banner: requireBanner }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
]);
console.log('Built dist/electron/main.js, dist/electron/backend-worker.js and dist/electron/preload.cjs');
