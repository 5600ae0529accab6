// electron-builder cannot run here (it downloads Electron and the NSIS/AppImage tools). This test checks
// the configuration it would read is complete and right for council laptops.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(path.join(root, 'build', 'electron-builder.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(path.join(root, file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('installer configuration', () => {
  it('names the product and pins the Electron version the app was built for', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Demand Workbook');
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
    expect(pkg.scripts.dist).toContain('build/electron-builder.json');
  });

  it('installs on Windows per user, without admin rights', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false); // an uninstall must never delete an analyst's work
  });

  it('builds a dmg for macOS and an AppImage and deb for Linux', () => {
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toBeTruthy();
  });

  it('has an icon big enough for every platform', () => {
    for (const icon of new Set([config.win.icon, config.mac.icon, config.linux.icon])) {
      const { width, height } = pngSize(icon);
      expect(width).toBe(height);
      expect(width).toBeGreaterThanOrEqual(512);
    }
  });

  it('packs the built app and unpacks the native SQLite module', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']));
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**']);
  });

  it('declares every package the shipped app runs as a dependency, and only those', () => {
    // What the renderer, the Electron main process and the engine import (not types, not tests or tools).
    const imported = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
          const text = readFileSync(path.join(root, rel), 'utf8');
          for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm)) {
            const specifier = m[1]!;
            if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
            imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
          }
        }
      }
    };
    for (const dir of ['renderer', 'shared', 'electron']) walk(dir);
    imported.delete('electron'); // the runtime itself, which electron-builder requires as a devDependency
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...imported].sort());
    expect(pkg.devDependencies.electron).toBeDefined();
    for (const name of Object.keys(pkg.devDependencies)) expect(imported.has(name), name).toBe(false);
  });

  it('keeps the installer lean: packages already bundled by Vite and esbuild are not copied in again', () => {
    // electron-builder copies every production package and its dependencies into the app, then drops
    // what a "!" pattern in files excludes (only exclusions apply to node_modules).
    const exclusions: string[] = config.files.filter((p: string) => p.startsWith('!')).map((p: string) => p.slice(1));
    const shipped = (file: string) => !exclusions.some((pattern) => path.matchesGlob(file, pattern));
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> }> };
    const production = Object.entries(lock.packages)
      .filter(([where, p]) => where.startsWith('node_modules/') && !where.slice('node_modules/'.length).includes('node_modules/') && !p.dev)
      .map(([where]) => where.slice('node_modules/'.length));
    // What the native SQLite module needs when it runs: itself, and what loads its binary.
    const needed = new Set<string>();
    const visit = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      for (const dep of Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {})) if (dep !== 'prebuild-install') visit(dep);
    };
    visit('better-sqlite3');
    expect([...needed].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect(production).toEqual(expect.arrayContaining(['react', 'zod', 'mathjs', '@kurkle/color', 'decimal.js', 'prebuild-install']));
    for (const name of production) expect(shipped(`node_modules/${name}/package.json`), name).toBe(needed.has(name));
    expect(shipped('dist/electron/main.js')).toBe(true);
    expect(shipped('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
  });

  it('never publishes or checks for updates over the network', () => {
    expect(config.publish).toBeNull();
    expect(pkg.scripts.dist).toContain('--publish never');
  });
});
