// The Electron code cannot run here, but its bundles can be built and inspected: the sandboxed preload
// must be one classic script that needs nothing but Electron itself.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { startBackendWorker } from '../../electron/backend-host/backend-worker.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('the Electron bundles', () => {
  it('build, with a preload that requires only electron and a main that loads only electron, Node and SQLite', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'electron-bundle-'));
    const common = { bundle: true, platform: 'node' as const, target: 'node22', logLevel: 'silent' as const, external: ['electron', 'better-sqlite3'], absWorkingDir: root };
    await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: path.join(out, 'preload.cjs'), format: 'cjs' });
    await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: path.join(out, 'main.js'), format: 'esm' });
    const preload = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    expect([...new Set([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    const main = readFileSync(path.join(out, 'main.js'), 'utf8');
    const imports = [...new Set([...main.matchAll(/^import\s[^;]*?from\s*"([^"]+)";/gm)].map((m) => m[1]!))];
    expect(imports).toContain('electron');
    for (const specifier of imports) expect(specifier === 'electron' || specifier === 'better-sqlite3' || specifier.startsWith('node:') || /^[a-z_]+$/.test(specifier), specifier).toBe(true);
  });

  it('bundle the backend worker, which runs in Node as the desktop app starts it', async () => {
    // Inside the project, as dist/electron is, so that better-sqlite3 resolves from node_modules.
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    const out = mkdtempSync(path.join(root, 'dist', 'bundle-test-'));
    const banner = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };
    await build({ bundle: true, platform: 'node', target: 'node22', logLevel: 'silent', external: ['electron', 'better-sqlite3'], absWorkingDir: root, entryPoints: ['electron/backend-host/worker-entry.ts'], outfile: path.join(out, 'backend-worker.js'), format: 'esm', banner });
    const worker = readFileSync(path.join(out, 'backend-worker.js'), 'utf8');
    expect(worker).not.toMatch(/from\s*"electron"/);
    const host = startBackendWorker({ entry: pathToFileURL(path.join(out, 'backend-worker.js')), productName: 'Demand Workbook', version: '1.0.0', transport: 'electron', dataFolder: mkdtempSync(path.join(os.tmpdir(), 'bundle-data-')), chooseSavePath: async () => null });
    try {
      const answer = JSON.parse(Buffer.from((await host.call('getWorkbook', [])).json).toString('utf8'));
      expect(answer, JSON.stringify(answer.error)).toMatchObject({ ok: true, value: { isDemo: true } });
    } finally {
      await host.close();
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
