// `npm run build` bundles the headless command; `npm run model` runs that bundle when it is current. The
// bundle must behave as the TypeScript sources do (the other model-command tests run those in-process).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../support/read-xlsx.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const node = (args: string[], cwd = root) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 120_000 });

describe('the prebuilt model command', { timeout: 120_000 }, () => {
  // Built as `npm run build` builds it, into a folder laid out like the project (dist/cli beside package.json).
  const project = mkdtempSync(path.join(os.tmpdir(), 'model-bundle-'));
  copyFileSync(path.join(root, 'package.json'), path.join(project, 'package.json'));
  const outdir = path.join(project, 'dist', 'cli');
  const built = node(['scripts/build-cli.mjs', outdir]);
  const bundle = path.join(outdir, 'model.js');

  it('builds, and answers --help without loading the model', () => {
    expect(built.status, built.stderr).toBe(0);
    const help = node([bundle, '--help'], project);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run model -- [options]');
    // The entry loads the model's chunk only with a dynamic import, so --help parses a few kilobytes.
    const entry = readFileSync(bundle, 'utf8');
    const staticImports = [...entry.matchAll(/^import\s[^;]*?from\s*"([^"]+)";/gm)].map((m) => m[1]!);
    const modelChunk = readdirSync(outdir).find((f) => f.startsWith('run-model-command'))!;
    expect(modelChunk).toBeDefined();
    expect(staticImports.some((s) => s.includes('run-model-command'))).toBe(false);
    expect(entry).toContain(`import("./${modelChunk}")`);
    expect(entry.length).toBeLessThan(20_000);
  });

  it('runs the demo authority to JSON and Excel, and exits 2 on a usage error', () => {
    const json = path.join(project, 'result.json');
    const xlsx = path.join(project, 'result.xlsx');
    const run = node([bundle, '--demo', '--horizon', '6', '--json', json, '--xlsx', xlsx], project);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Baseline in');
    const result = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['import', 'history', 'projection']));
    expect(readWorkbook(readFileSync(xlsx)).SheetNames.length).toBeGreaterThan(3);
    const wrong = node([bundle, '--horizon', 'forever'], project);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--horizon must be a whole number');
  });

  it('is what npm run model starts, or the sources when there is no current bundle', () => {
    const help = node(['scripts/model.mjs', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run model -- [options]');
    const wrong = node(['scripts/model.mjs', '--bogus']);
    expect(wrong.status).toBe(2);
  });
});
