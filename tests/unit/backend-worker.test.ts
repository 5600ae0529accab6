// The backend in its worker thread, as the desktop app and dev:web run it, driven from this (main)
// thread: calls in both forms the transports use, progress while an import runs, cancelling it, the
// file choosers answered by the main thread, and the worker's own validation of every call.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkProgress } from '../../shared/contracts/progress.ts';
import { describeWork } from '../../shared/contracts/progress.ts';
import { defaultHousingRules, simulateHousing, writeHousingLists } from '../../shared/synthetic/housing-authority.ts';
import { clipboardText } from '../../shared/synthetic/write-annex-a.ts';
import { sourceWorkerEntry, startBackendWorker } from '../../electron/backend-host/backend-worker.ts';
import type { EncodedAnswer } from '../../electron/backend-host/encoded.ts';
import { largeSnapshot } from '../bench/bench-data.ts';

const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'backend-worker-'));
const asked: string[] = [];
mkdirSync(path.join(dataFolder, 'chosen'));
const host = startBackendWorker({
  entry: sourceWorkerEntry,
  productName: 'Demand Workbook',
  version: '1.0.0',
  transport: 'loopback',
  dataFolder,
  chooseSavePath: async (suggestedName) => {
    asked.push(suggestedName);
    return path.join(dataFolder, 'chosen', suggestedName);
  },
});
afterAll(() => host.close());

const read = (answer: EncodedAnswer) => JSON.parse(Buffer.from(answer.json).toString('utf8')) as { ok: boolean; value?: any; error?: { code: string; message: string } };
const call = async (method: string, ...args: unknown[]) => read(await host.call(method, args));
const body = (value: unknown) => new Uint8Array(Buffer.from(JSON.stringify(value)));
const progress = async (): Promise<WorkProgress | null> => (await call('getProgress')).value.work;

// 150,000 referrals: the rows are read in well over the 50 ms between progress reports even on a quiet
// machine (30,000 were read in less, so the count never moved from 0), and still in seconds.
const rows = 150_000;
const pasted = clipboardText(largeSnapshot(rows, 0, 0), 'referrals', true);
const importPaste = () => host.call('importLists', [{ sources: [{ kind: 'pasted', name: 'Pasted referrals', list: 'referrals', text: pasted }], extractDate: '2024-09-30' }]);

// A housing authority of about 150,000 approaches in its five-year case list (2,500 a month), for the
// same reason: its rows are read in well over 50 ms.
const housingLists = writeHousingLists(simulateHousing({ seed: 11, from: '2019-01-01', to: '2024-03-31', rules: { ...defaultHousingRules, approachesPerMonth: 2500 } }), '2019-04-01', '2024-03-31');
const caseRows = housingLists.cases.trimEnd().split('\n').length - 1;
const importHousingPaste = () =>
  host.call('importHousingLists', [{ sources: [{ kind: 'pasted', name: 'Pasted case list', list: 'cases', text: housingLists.cases }, { kind: 'pasted', name: 'Pasted TA list', list: 'ta', text: housingLists.ta }], extractDate: '2024-03-31' }]);

/** Polls getProgress (answered by this thread while the worker works) until `until` holds. */
async function watchUntil(until: (work: WorkProgress) => boolean, seen: WorkProgress[]): Promise<WorkProgress> {
  for (let i = 0; i < 4000; i++) {
    const work = await progress();
    if (work) {
      seen.push(work);
      if (until(work)) return work;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no such progress; saw ${seen.map(describeWork).join(' | ')}`);
}

describe('the backend in a worker thread', { timeout: 120_000 }, () => {
  it('answers calls sent as values (IPC) and as JSON bodies (loopback), as JSON bytes', async () => {
    expect(await call('getAppInfo')).toMatchObject({ ok: true, value: { productName: 'Demand Workbook', transport: 'loopback' } });
    const viaBody = read(await host.callWithJsonBody('getWorkbook', body({ args: [] })));
    expect(viaBody).toMatchObject({ ok: true, value: { isDemo: true } });
  });

  it('validates every call in the worker, with the same messages as in-process', async () => {
    expect(await call('renameWorkbook', { title: '' })).toEqual({ ok: false, error: { code: 'bad-request', message: 'renameWorkbook argument 1, title: must not be empty' } });
    expect(await call('formatDisk')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(read(await host.callWithJsonBody('getWorkbook', new Uint8Array(Buffer.from('{not json'))))).toMatchObject({ error: { code: 'bad-request', message: 'getWorkbook: the request body is not valid JSON.' } });
    expect(read(await host.callWithJsonBody('getWorkbook', body({ arguments: [] })))).toMatchObject({ error: { message: expect.stringContaining('"args" array') } });
    expect(await call('getProgress', 'extra')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('reports an import row by row while it runs, and nothing once it is done', async () => {
    const seen: WorkProgress[] = [];
    const answer = importPaste();
    const reading = await watchUntil((w) => w.stage === 'Reading Referrals (List 3)' && w.done > 0, seen);
    expect(reading).toMatchObject({ task: 'import', total: rows, unit: 'rows', cancellable: true, cancelling: false });
    expect(reading.done).toBeLessThan(rows);
    expect(describeWork(reading)).toMatch(/^Reading Referrals \(List 3\): [\d,]+ of 150,000 rows$/);
    const result = read(await answer);
    expect(result).toMatchObject({ ok: true, value: { report: { referrals: { rowsRead: rows, rowsAccepted: rows } } } });
    expect(await progress()).toBeNull();
    // Counts only go up within a stage.
    const counts = seen.filter((w) => w.stage === reading.stage).map((w) => w.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('cancels an import under way and leaves the workbook as it was', async () => {
    const before = (await call('getWorkbook')).value.rows;
    const answer = importPaste();
    await watchUntil((w) => w.stage === 'Reading Referrals (List 3)' && w.done > 0, []);
    expect(await call('cancelWork')).toEqual({ ok: true, value: { cancelling: true } });
    const stopping = await progress();
    if (stopping) expect(describeWork(stopping)).toContain('stopping');
    expect(read(await answer)).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled: nothing was changed.' } });
    expect((await call('getWorkbook')).value.rows).toEqual(before);
    // Nothing to cancel now; and the next import is not cancelled by the old request.
    expect(await call('cancelWork')).toEqual({ ok: true, value: { cancelling: false } });
    expect(read(await importPaste())).toMatchObject({ ok: true });
  }, 60_000);

  it('asks the main thread where to save, and saves there', async () => {
    const saved = await call('saveWorkbookAs', {});
    expect(saved, JSON.stringify(saved.error)).toMatchObject({ ok: true, value: { saved: true } });
    expect(asked).toEqual(['Untitled workbook.dwb']);
    expect(existsSync(saved.value.workbook.filePath)).toBe(true);
  });

  it('opens a file handed over by the operating system, or says why not', async () => {
    await expect(host.openFile(path.join(dataFolder, 'no such workbook.dwb'))).rejects.toThrow();
    await host.openFile(path.join(dataFolder, 'chosen', 'Untitled workbook.dwb'));
    expect((await call('getWorkbook')).value.rows.referrals).toBe(rows);
  });
});

describe('a housing import in the worker thread', { timeout: 120_000 }, () => {
  it('reports the case list row by row, in the housing service’s words', async () => {
    expect(await call('newWorkbookFor', { service: 'housing' })).toMatchObject({ ok: true, value: { housingRows: { cases: 0, ta: 0 } } });
    expect(caseRows).toBeGreaterThan(140_000);
    const seen: WorkProgress[] = [];
    const answer = importHousingPaste();
    const reading = await watchUntil((w) => w.stage === 'Reading the case list' && w.done > 0, seen);
    expect(reading).toMatchObject({ task: 'import', total: caseRows, unit: 'rows', cancellable: true, cancelling: false });
    expect(reading.done).toBeLessThan(caseRows);
    expect(describeWork(reading)).toMatch(new RegExp(`^Reading the case list: [\\d,]+ of ${caseRows.toLocaleString('en-GB')} rows$`));
    const result = read(await answer);
    expect(result).toMatchObject({ ok: true, value: { report: { cases: { rowsRead: caseRows, rowsAccepted: caseRows } } } });
    expect(await progress()).toBeNull();
    const counts = seen.filter((w) => w.stage === reading.stage).map((w) => w.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // The stages in order as far as the watch saw them: the case list, then the TA list or the checks.
    const stages = seen.map((w) => w.stage).filter((s, i, all) => s !== all[i - 1]);
    expect(stages.slice(stages.indexOf('Reading the case list') + 1).every((s) => ['Reading the TA list', 'Checking the case list and the TA list together', 'Saving the lists to the workbook'].includes(s))).toBe(true);
  });

  it('cancels a housing import under way and leaves the workbook as it was', async () => {
    expect(await call('newWorkbookFor', { service: 'housing' })).toMatchObject({ ok: true });
    const before = (await call('getWorkbook')).value.housingRows;
    expect(before).toEqual({ cases: 0, ta: 0 });
    const answer = importHousingPaste();
    await watchUntil((w) => w.stage === 'Reading the case list' && w.done > 0, []);
    expect(await call('cancelWork')).toEqual({ ok: true, value: { cancelling: true } });
    expect(read(await answer)).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled: nothing was changed.' } });
    expect((await call('getWorkbook')).value.housingRows).toEqual(before);
    expect((await call('getHousingData')).value.dataset.cases).toEqual([]);
    expect(await call('cancelWork')).toEqual({ ok: true, value: { cancelling: false } });
  }, 60_000);
});
