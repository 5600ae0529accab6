// Bundles the Electron main process (ESM) and the preload (CommonJS: a sandboxed preload can only be a
// single classic script) into dist/electron. Electron itself and native modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.js', format: 'esm' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
]);
console.log('Built dist/electron/main.js and dist/electron/preload.cjs');
