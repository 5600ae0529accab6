// `npm run model -- ...`: runs the prebuilt command (dist/cli/model.js, made by `npm run build`) when it
// is there and no newer source has changed since; otherwise the TypeScript sources through tsx, as a
// fresh checkout or a developer editing the engine needs. Either way the same arguments and exit code.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'model.js');

function bundleIsCurrent() {
  try {
    const built = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(path.join(root, 'dist', 'cli', 'model.inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(path.join(root, file)).mtimeMs <= built);
  } catch {
    return false; // no bundle, no manifest, or a source that has gone: build again or use the sources
  }
}

if (bundleIsCurrent()) {
  await import(pathToFileURL(bundle).href);
} else {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = spawnSync(process.execPath, [tsx, path.join(root, 'electron', 'cli', 'model.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
