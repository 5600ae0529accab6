// Start of the headless command: from launch to its first output, for `--help` (the command reads
// nothing else), run from the bundle `npm run build` makes and through `npm run model` as people type it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../support/loopback-app.ts';

type Record = (name: string, ms: number, target: number | null) => void;

/** Milliseconds from spawning the command to the first bytes on its standard output. */
function firstOutput(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let seen: number | null = null;
    child.stdout.once('data', () => (seen = performance.now() - start));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && seen !== null ? resolve(seen) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

async function best(times: number, run: () => Promise<number>): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < times; i++) fastest = Math.min(fastest, await run());
  return fastest;
}

export async function commandBenchmarks(record: Record): Promise<void> {
  const bundle = path.join(projectRoot, 'dist', 'cli', 'model.js');
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: projectRoot, encoding: 'utf8' });
  if (built.status !== 0 || !existsSync(bundle)) throw new Error(`bench: the command bundle did not build:\n${built.stderr}`);
  record('Command start to first output: node dist/cli/model.js --help', await best(5, () => firstOutput(process.execPath, [bundle, '--help'])), 500);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  record('Command start to first output: npm run model -- --help', await best(3, () => firstOutput(npm, ['run', '-s', 'model', '--', '--help'])), 500);
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  record('  the same from the TypeScript sources (tsx), as before', await best(1, () => firstOutput(process.execPath, [tsx, 'electron/cli/model.ts', '--help'])), null);
}
