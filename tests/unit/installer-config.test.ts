// electron-builder cannot run here (it downloads Electron and the NSIS/AppImage tools). This test checks
// the configuration it would read is complete and right for council laptops.
import { readFileSync } from 'node:fs';
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
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']); // everything else is bundled
  });

  it('never publishes or checks for updates over the network', () => {
    expect(config.publish).toBeNull();
    expect(pkg.scripts.dist).toContain('--publish never');
  });
});
