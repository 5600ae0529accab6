// Bundles the headless command (electron/cli/model.ts) into dist/cli/model.js, so that `npm run model`
// starts without compiling TypeScript. The model is split into a chunk of its own that is loaded only
// when it runs: `--help` and usage errors read a few kilobytes. Beside the bundle, model.inputs.json lists
// the project files it was built from, so the launcher (scripts/model.mjs) can tell a stale bundle.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const defaultOutdir = 'dist/cli';

export async function buildModelCommand(outdir = defaultOutdir) {
  const result = await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    entryPoints: { model: 'electron/cli/model.ts' },
    outdir,
    chunkNames: '[name]-[hash]',
    // Bundled CommonJS (SheetJS) may call require for Node built-ins: give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    external: ['better-sqlite3'],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  writeFileSync(path.join(outdir, 'model.inputs.json'), `${JSON.stringify({ inputs: [...inputs, 'package.json'] }, null, 1)}\n`);
  return path.join(outdir, 'model.js');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ?? defaultOutdir;
  console.log(`Built ${await buildModelCommand(outdir)}`);
}
