// The backend's side of workbook files that never lose or leak work (issue 15, points 8, 10 and 13): a
// damaged workbook is never reopened at the next start, Save as refuses a workbook open in another window,
// the browser version saves under the name the person gives, the demo's autosave file is renamed once it
// holds real lists, and the autosave folder is pruned by a stated rule.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { autosaveKeepDays, autosaveKeepNewest } from '../../electron/backend/autosave-folder.ts';
import { createBackend, type BackendOptions } from '../../electron/backend/backend.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';
import type { WorkbookSummary } from '../../shared/contracts/schemas.ts';

// Each backend starts on the demo workbook, which takes seconds to generate on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const fixture = path.resolve(import.meta.dirname, '../../../shared/fixtures/annex-a/liia-tools__Annex_A.xlsx');
const dataFolderFor = () => mkdtempSync(path.join(os.tmpdir(), 'backend-files-'));
const backendIn = (dataFolder: string, extra: Partial<BackendOptions> = {}) =>
  createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder, chooseSavePath: savePathChooser(dataFolder), ...extra });
const summaryOf = (backend: { getWorkbook: () => unknown }) => backend.getWorkbook() as WorkbookSummary;
const autosaved = (dataFolder: string) => readdirSync(path.join(dataFolder, 'autosave')).filter((f) => f.endsWith('.dwb')).sort();

describe('a workbook damaged while the app was closed', () => {
  it('is refused in words at the next start, which opens the demo instead, and is never tried again', async () => {
    const dataFolder = dataFolderFor();
    const first = backendIn(dataFolder);
    first.renameWorkbook({ title: 'Northshire' });
    const saved = await first.saveWorkbookAs({});
    first.shutdown();
    const db = new Database(saved.workbook.filePath!);
    db.exec('DROP TABLE referrals');
    db.close();

    const second = backendIn(dataFolder);
    const summary = summaryOf(second);
    expect(summary).toMatchObject({ isDemo: true, filePath: null });
    expect(summary.notice).toBe(
      'The workbook open when the app last closed could not be reopened. "Northshire.dwb" is damaged: it has lost its referrals (List 3), perhaps changed by another program. It was not opened and has not been changed. Open a copy you saved earlier, or start a new workbook and import the lists again.',
    );
    expect(JSON.parse(readFileSync(path.join(dataFolder, 'last-open.json'), 'utf8')).file).not.toBe(saved.workbook.filePath);
    expect(() => second.openRecentWorkbook({ filePath: saved.workbook.filePath! })).toThrow('"Northshire.dwb" is damaged');
    expect(summaryOf(second).isDemo).toBe(true);
    second.shutdown();

    const third = backendIn(dataFolder);
    expect(third.getWorkbook()).toMatchObject({ isDemo: true, notice: null });
    third.shutdown();
  });
});

describe('Save as in the backend', () => {
  it('refuses a file another window has open and locked, in words, and carries on in the workbook it had', async () => {
    const dataFolder = dataFolderFor();
    const otherWindow = backendIn(dataFolderFor());
    otherWindow.renameWorkbook({ title: 'Budget 2027' });
    const theirs = (await otherWindow.saveWorkbookAs({})).workbook.filePath!;
    const mine = backendIn(dataFolder, { chooseSavePath: async () => theirs });
    mine.renameWorkbook({ title: 'My draft' });
    await expect(mine.saveWorkbookAs({})).rejects.toThrow(/^"Budget 2027\.dwb" is open in another window or program \(process \d+ on this computer, since .*\), so it was not replaced\. Close it there first, or save under another name\.$/);
    expect(mine.getWorkbook()).toMatchObject({ title: 'My draft', filePath: null });
    otherWindow.shutdown();
    const store = WorkbookStore.open(theirs);
    expect(store.info().title).toBe('Budget 2027');
    store.close();
    mine.shutdown();
  });

  it('in the browser version saves under the name given, in the workbooks folder, never replacing an earlier file', async () => {
    const dataFolder = dataFolderFor();
    const backend = backendIn(dataFolder);
    const first = await backend.saveWorkbookAs({ fileName: 'Northshire budget 2027' });
    expect(first).toMatchObject({ saved: true, workbook: { filePath: path.join(dataFolder, 'workbooks', 'Northshire budget 2027.dwb') } });
    backend.newWorkbook();
    const second = await backend.saveWorkbookAs({ fileName: 'Northshire budget 2027' });
    expect(second.workbook.filePath).toBe(path.join(dataFolder, 'workbooks', 'Northshire budget 2027 (2).dwb'));
    const odd = await backend.saveWorkbookAs({ fileName: '../../etc/Northshire: final?' });
    expect(path.dirname(odd.workbook.filePath!)).toBe(path.join(dataFolder, 'workbooks'));
    expect(path.basename(odd.workbook.filePath!)).toBe('etc Northshire final.dwb');
    if (process.platform !== 'win32') {
      // Only this account can look inside the app's folders or read its workbooks.
      for (const f of ['workbooks', 'autosave']) expect(statSync(path.join(dataFolder, f)).mode & 0o777, f).toBe(0o700);
      expect(statSync(odd.workbook.filePath!).mode & 0o777).toBe(0o600);
      for (const f of autosaved(dataFolder)) expect(statSync(path.join(dataFolder, 'autosave', f)).mode & 0o777, f).toBe(0o600);
      expect(statSync(path.join(dataFolder, 'recent.json')).mode & 0o777).toBe(0o600);
    }
    backend.shutdown();
  });
});

describe('the demo turning into real work', () => {
  it('renames its autosave file once the analyst\'s lists replace the made-up ones, keeping everything', () => {
    const dataFolder = dataFolderFor();
    const backend = backendIn(dataFolder);
    expect(summaryOf(backend).isDemo).toBe(true);
    expect(autosaved(dataFolder)).toEqual([expect.stringMatching(/^Demo authority \(synthetic data\) .*\.dwb$/)]);
    const { workbook } = backend.importLists({ sources: [{ kind: 'file', name: 'liia-tools__Annex_A.xlsx', base64: readFileSync(fixture).toString('base64') }], extractDate: null, replaceWithoutAsking: [] }) as { workbook: { isDemo: boolean; rows: { referrals: number } } };
    expect(workbook.isDemo).toBe(false);
    expect(workbook.rows.referrals).toBe(6);
    expect(autosaved(dataFolder)).toEqual([expect.stringMatching(/^Untitled workbook .*\.dwb$/)]);
    expect(readdirSync(path.join(dataFolder, 'autosave')).filter((f) => f.startsWith('Demo'))).toEqual([]);
    backend.shutdown();
    const restarted = backendIn(dataFolder);
    expect(restarted.getWorkbook()).toMatchObject({ title: 'Untitled workbook', isDemo: false, rows: { referrals: 6 } });
    restarted.shutdown();
  });
});

describe('an autosave file named after the demo but holding real lists (left by an earlier version)', () => {
  it('is renamed when it is reopened at the next start', () => {
    const dataFolder = dataFolderFor();
    const first = backendIn(dataFolder);
    first.getWorkbook();
    first.shutdown();
    const [demoFile] = autosaved(dataFolder);
    expect(demoFile).toMatch(/^Demo authority/);
    const store = WorkbookStore.open(path.join(dataFolder, 'autosave', demoFile!));
    store.markNotDemo();
    store.rename('Northshire');
    store.close();
    const second = backendIn(dataFolder);
    expect(summaryOf(second)).toMatchObject({ title: 'Northshire', isDemo: false });
    expect(autosaved(dataFolder)).toEqual([expect.stringMatching(/^Northshire .*\.dwb$/)]);
    second.shutdown();
  });
});

describe('the autosave folder', () => {
  it(`keeps the ${autosaveKeepNewest} newest and anything changed in the last ${autosaveKeepDays} days, never the open workbook nor a recent one`, async () => {
    const dataFolder = dataFolderFor();
    let clock = new Date('2026-01-01T09:00:00Z');
    const backend = backendIn(dataFolder, { now: () => clock });
    backend.newWorkbook();
    backend.renameWorkbook({ title: 'Kept on the recent list' });
    // An autosaved workbook that is also on the recent list (saved as a file that lives there).
    const recentFile = path.join(dataFolder, 'autosave', 'On the recent list.dwb');
    const onRecent = createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder, chooseSavePath: async () => recentFile });
    await onRecent.saveWorkbookAs({});
    onRecent.shutdown();
    for (let i = 0; i < 14; i++) {
      clock = new Date(clock.getTime() + 60_000);
      backend.newWorkbook();
    }
    const open = `Untitled workbook ${summaryOf(backend).createdAt.replace(/[:.]/g, '-')}.dwb`;
    expect(autosaved(dataFolder)).toContain(open);
    // Every file two months old or more, the open one and the recent one the oldest of all.
    const byAge = [open, 'On the recent list.dwb', ...autosaved(dataFolder).filter((f) => f !== open && f !== 'On the recent list.dwb')];
    byAge.forEach((f, i) => {
      const when = new Date(Date.parse('2025-11-01T09:00:00Z') + i * 60_000);
      utimesSync(path.join(dataFolder, 'autosave', f), when, when);
    });
    expect(byAge.length).toBe(16);
    clock = new Date('2026-01-02T09:00:00Z');
    backend.newWorkbook(); // creating one prunes the folder
    const after = autosaved(dataFolder);
    // The ten most recently changed: the new one, the open one (its log was written just now) and the eight
    // newest of the rest; and the one on the recent list, however old.
    expect(after.sort()).toEqual([...byAge.slice(-8), open, 'On the recent list.dwb', after.find((f) => !byAge.includes(f))!].sort());
    expect(after).toHaveLength(autosaveKeepNewest + 1);
    for (const f of byAge.slice(2, -8)) expect(existsSync(path.join(dataFolder, 'autosave', f))).toBe(false);
    // Workbooks changed within the last 30 days are never pruned, however many there are.
    const tenDaysAgo = new Date(clock.getTime() - 10 * 24 * 60 * 60_000);
    for (const f of after) utimesSync(path.join(dataFolder, 'autosave', f), tenDaysAgo, tenDaysAgo);
    for (let i = 0; i < 5; i++) {
      clock = new Date(clock.getTime() + 60_000);
      backend.newWorkbook();
    }
    expect(autosaved(dataFolder)).toHaveLength(after.length + 5);
    backend.shutdown();
  });
});
