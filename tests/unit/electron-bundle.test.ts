// The Electron code cannot run here, but its bundles can be built and inspected: the sandboxed preload
// must be one classic script that needs nothing but Electron itself.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

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
});
