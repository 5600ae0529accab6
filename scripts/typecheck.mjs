// Typechecks each part of the project against its own runtime: shared (language only), renderer (DOM),
// electron (Node + Electron's own typings), tests.
import { spawnSync } from 'node:child_process';

const tsc = 'node_modules/typescript/bin/tsc';
let failed = false;
for (const part of ['shared', 'renderer', 'electron', 'tests']) {
  const result = spawnSync(process.execPath, [tsc, '-p', part], { stdio: 'inherit' });
  console.log(`typecheck ${part}: ${result.status === 0 ? 'ok' : 'FAILED'}`);
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
