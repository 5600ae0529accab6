// The backend's workbook life cycle on real files: first start on the demo, changes kept, a restart (or a
// crash) reopening the same work, Save As, the recent list as the only way to reopen by path.
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';

// Each backend starts on the demo workbook, which takes seconds to generate on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const backendIn = (dataFolder: string) =>
  createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder) });

describe('the backend and its workbook files', () => {
  it('starts on the demo, keeps every change, and after a restart reopens the same work', async () => {
    const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'backend-'));
    const first = backendIn(dataFolder);
    expect(first.getWorkbook()).toMatchObject({ isDemo: true, filePath: null, readOnlyReason: null });
    expect((first.getWorkbook() as { rows: { referrals: number } }).rows.referrals).toBeGreaterThan(10_000);
    first.newWorkbook();
    first.renameWorkbook({ title: 'Unsaved draft' });
    // No shutdown: as if the app had crashed.
    const second = backendIn(dataFolder);
    expect(second.getWorkbook()).toMatchObject({ title: 'Unsaved draft', isDemo: false, filePath: null });
    second.shutdown();
    first.shutdown();
    expect(readdirSync(path.join(dataFolder, 'autosave')).filter((f) => f.endsWith('.dwb'))).toHaveLength(2);
  });

  it('saves as a chosen file, lists it as recent, and refuses to open paths that are not on the list', async () => {
    const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'backend-'));
    const backend = backendIn(dataFolder);
    backend.renameWorkbook({ title: 'Northshire' });
    const saved = await backend.saveWorkbookAs({});
    expect(saved.saved).toBe(true);
    expect(saved.workbook.filePath).toBe(path.join(dataFolder, 'workbooks', 'Northshire.dwb'));
    backend.newWorkbook();
    expect(backend.listRecentWorkbooks()).toEqual([{ filePath: path.join(dataFolder, 'workbooks', 'Northshire.dwb'), name: 'Northshire' }]);
    expect(() => backend.openRecentWorkbook({ filePath: '/etc/passwd' })).toThrow('not on the recent list');
    expect(backend.openRecentWorkbook({ filePath: path.join(dataFolder, 'workbooks', 'Northshire.dwb') })).toMatchObject({ title: 'Northshire', isDemo: true });
    await expect(backend.openWorkbook()).rejects.toThrow('cannot browse for files');
    backend.shutdown();
  });
});

describe('a workbook handed over by the operating system', () => {
  it('opens by path, and goes on the recent list', async () => {
    const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'backend-'));
    const first = backendIn(dataFolder);
    first.renameWorkbook({ title: 'Shared by a colleague' });
    const saved = await first.saveWorkbookAs({});
    first.shutdown();
    const second = backendIn(mkdtempSync(path.join(os.tmpdir(), 'backend-')));
    expect(second.openFile(saved.workbook.filePath!)).toMatchObject({ title: 'Shared by a colleague', filePath: saved.workbook.filePath });
    expect((await second.listRecentWorkbooks()).map((r) => r.filePath)).toEqual([saved.workbook.filePath]);
    second.shutdown();
  });
});
