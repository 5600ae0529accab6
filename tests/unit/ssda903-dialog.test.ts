// The desktop app's way in for SSDA903 returns: the window asks for the app's own dialog (no path crosses the
// bridge), the backend's worker thread asks the main thread, which answers with the chosen folder, and the
// backend reads it, naming files from the folder's own name. In the browser version there is no such dialog,
// and the backend says so in words.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceWorkerEntry, startBackendWorker } from '../../electron/backend-host/backend-worker.ts';
import type { EncodedAnswer } from '../../electron/backend-host/encoded.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { readZipFiles } from '../../shared/import/ssda903/zip-entries.ts';

const sampleZip = path.resolve(import.meta.dirname, '../../../shared/fixtures/ssda903/csdmpy-sample-v1.zip');
const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'ssda903-dialog-'));
// The sample unzipped where a person keeps returns: a folder with a subfolder a year.
const returnsFolder = path.join(dataFolder, 'My documents', 'SSDA903 returns');
for (const entry of readZipFiles(new Uint8Array(readFileSync(sampleZip)))) {
  mkdirSync(path.join(returnsFolder, path.dirname(entry.path)), { recursive: true });
  writeFileSync(path.join(returnsFolder, entry.path), entry.bytes);
}

const asked: string[] = [];
let answer: string[] | null = [returnsFolder];
const host = startBackendWorker({
  entry: sourceWorkerEntry,
  productName: 'Demand Workbook',
  version: '1.0.0',
  transport: 'electron',
  dataFolder,
  chooseSavePath: async () => null,
  chooseSsda903Paths: async (what) => {
    asked.push(what);
    return answer;
  },
});
afterAll(() => host.close());

const read = (encoded: EncodedAnswer) => JSON.parse(Buffer.from(encoded.json).toString('utf8')) as { ok: boolean; value?: any; error?: { code: string; message: string } };
const call = async (method: string, ...args: unknown[]) => read(await host.call(method, args));

describe('choosing SSDA903 returns in the desktop app', () => {
  it('asks the main thread for the folder and imports what is in it, named from the folder', async () => {
    await call('newWorkbook');
    const imported = await call('importSsda903', { source: { kind: 'choose', what: 'folder' } });
    expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
    expect(asked).toEqual(['folder']);
    expect(imported.value.outcome.kind).toBe('replaced');
    expect(imported.value.report.episodes).toMatchObject({ rowsRead: 3737, rowsAccepted: 3737 });
    expect(imported.value.report.returns[0]).toMatchObject({ folder: 'SSDA903 returns/2017', yearEnding: '2018-03-31' });
    expect(imported.value.workbook.undo).toBe('the import of the SSDA903 returns from SSDA903 returns');
    expect(imported.value.workbook.returns).toMatchObject({ returns: 5 });
  }, 60_000);

  it('changes nothing when the person closes the dialog', async () => {
    answer = null;
    const before = (await call('getWorkbook')).value;
    const cancelled = await call('importSsda903', { source: { kind: 'choose', what: 'files' } });
    expect(cancelled.value).toMatchObject({ report: null, outcome: { kind: 'cancelled' } });
    expect(cancelled.value.workbook).toEqual(before);
    expect(asked).toEqual(['folder', 'files']);
  });

  it('is not offered by the browser version, which says what to do instead', async () => {
    const backend = createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'loopback', dataFolder: mkdtempSync(path.join(os.tmpdir(), 'ssda903-browser-')), chooseSavePath: savePathChooser(dataFolder) });
    await expect(backend.importSsda903({ source: { kind: 'choose', what: 'folder' } })).rejects.toThrow('The browser version cannot show the app’s file dialog: choose the folder, zip or files with the buttons on the card, or drop them on it.');
    backend.shutdown();
  });
});
