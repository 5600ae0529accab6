// The backend behind the bridge: one handler per bridge method. It knows nothing of the transport that
// carries the call, so Electron IPC and the loopback server run exactly this code. The open workbook is
// always a file: a new or demo workbook lives in the autosave folder until the person saves it where they
// choose, and every change is committed to it before the handler returns.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BackendHandlers } from '../../shared/contracts/bridge.ts';
import type { Transport, WorkbookSummary } from '../../shared/contracts/schemas.ts';
import { buildHistory } from '../../shared/engine/history.ts';
import { futureLockdown } from '../../shared/engine/presets.ts';
import { runModel } from '../../shared/engine/run-model.ts';
import { parseScenario, type Scenario } from '../../shared/engine/scenario.ts';
import { exportedSheetNames, resultsWorkbook } from '../../shared/export/results-workbook.ts';
import { calibrationResult } from '../../shared/result/calibration-result.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';
import { importLists, sourceKindForFile } from '../../shared/import/import-lists.ts';
import { writeFileAtomically } from '../common/atomic-write.ts';
import { recentFiles } from './recent-files.ts';
import { WorkbookStore } from './storage/workbook-store.ts';
import { createWorkTracker, trackWork, type WorkTracker } from './work.ts';

export interface BackendOptions {
  productName: string;
  version: string;
  transport: Transport;
  dataFolder: string;
  now?: () => Date;
  /** Asks where to save a file (a dialog in the desktop app); null when the person cancels. */
  chooseSavePath: (suggestedName: string, kind: 'workbook' | 'excel') => Promise<string | null>;
  /** Asks which workbook file to open; null when the person cancels. */
  chooseOpenPath?: () => Promise<string | null>;
  /** What the backend is busy with, for the progress bar, and the cancel flag (see work.ts). */
  work?: WorkTracker;
}

export const demoWorkbookTitle = 'Demo authority (synthetic data)';
export const workbookExtension = '.dwb';

export interface Backend extends BackendHandlers {
  /** Opens a workbook file the operating system handed to the app (a double-click on a .dwb file). */
  openFile(file: string): WorkbookSummary;
  /** Closes the open workbook cleanly (app quit, tests). */
  shutdown(): void;
}

export function createBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  const work = options.work ?? createWorkTracker();
  const autosaveFolder = path.join(options.dataFolder, 'autosave');
  const recent = recentFiles(options.dataFolder);
  let store: WorkbookStore | null = null;
  /** The file the person chose, or null while the workbook lives in the autosave folder. */
  let chosenPath: string | null = null;

  const fileSafe = (title: string) => title.replace(/[^\w\- ()]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Workbook';

  // Which workbook was open last, so that a restart (or a crash) brings the same work back.
  const lastOpenFile = path.join(options.dataFolder, 'last-open.json');

  function switchTo(next: WorkbookStore, chosen: string | null): void {
    store?.close();
    store = next;
    chosenPath = chosen;
    if (chosen) recent.add(chosen);
    mkdirSync(options.dataFolder, { recursive: true });
    writeFileAtomically(lastOpenFile, JSON.stringify({ file: next.file, chosen }));
  }

  function reopenLast(): boolean {
    try {
      const last = JSON.parse(readFileSync(lastOpenFile, 'utf8')) as { file?: unknown; chosen?: unknown };
      if (typeof last.file !== 'string' || !existsSync(last.file)) return false;
      switchTo(WorkbookStore.open(last.file), typeof last.chosen === 'string' ? last.chosen : null);
      return true;
    } catch {
      return false; // nothing to recover, or it cannot be opened: start on the demo
    }
  }

  function createInAutosave(title: string, isDemo: boolean): WorkbookStore {
    mkdirSync(autosaveFolder, { recursive: true });
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    return WorkbookStore.create(path.join(autosaveFolder, `${fileSafe(title)} ${stamp}${workbookExtension}`), {
      title,
      createdAt: now().toISOString(),
      isDemo,
      pseudonymKey: randomBytes(32),
    });
  }

  function openDemo(): void {
    const demo = createInAutosave(demoWorkbookTitle, true);
    const { dataset, report } = demoImport();
    demo.replaceLists(dataset, report);
    switchTo(demo, null);
  }

  // The app reopens what was open last; the first time, the demo, so that a new user sees a working model
  // before pasting anything.
  function current(): WorkbookStore {
    if (!store && !reopenLast()) openDemo();
    return store!;
  }

  function summary(): WorkbookSummary {
    const s = current();
    const info = s.info();
    return {
      title: info.title,
      isDemo: info.isDemo,
      filePath: chosenPath,
      createdAt: info.createdAt,
      readOnlyReason: s.readOnlyReason,
      rows: s.rowCounts(),
    };
  }

  function savedScenarios(s: WorkbookStore): Scenario[] {
    return s.readScenarios().flatMap((raw) => {
      const parsed = parseScenario(raw);
      return parsed.ok ? [parsed.scenario] : [];
    });
  }

  return trackWork({
    getAppInfo: () => ({
      productName: options.productName,
      version: options.version,
      transport: options.transport,
      dataFolder: options.dataFolder,
      sendsDataOverNetwork: false,
    }),
    getWorkbook: () => summary(),
    newWorkbook: () => {
      switchTo(createInAutosave('Untitled workbook', false), null);
      return summary();
    },
    openDemoWorkbook: () => {
      openDemo();
      return summary();
    },
    renameWorkbook: ({ title }) => {
      current().rename(title);
      return summary();
    },
    saveWorkbookAs: async () => {
      const s = current();
      const target = await options.chooseSavePath(`${fileSafe(s.info().title)}${workbookExtension}`, 'workbook');
      if (target === null) return { saved: false, workbook: summary() };
      await s.saveCopyAs(target);
      switchTo(WorkbookStore.open(target), target);
      return { saved: true, workbook: summary() };
    },
    openWorkbook: async () => {
      if (!options.chooseOpenPath) {
        throw new Error('The browser version cannot browse for files: open a workbook from the Recent workbooks list, or use the desktop app to choose any file.');
      }
      const target = await options.chooseOpenPath();
      if (target === null) return { saved: false, workbook: summary() };
      switchTo(WorkbookStore.open(target), target);
      return { saved: true, workbook: summary() };
    },
    listRecentWorkbooks: () => recent.list().map((filePath) => ({ filePath, name: path.basename(filePath, workbookExtension) })),
    openRecentWorkbook: ({ filePath }) => {
      if (!recent.includes(filePath)) throw new Error('That workbook is not on the recent list. Use Open workbook to choose a file.');
      switchTo(WorkbookStore.open(filePath), path.resolve(filePath));
      return summary();
    },
    getWorkbookData: () => {
      const s = current();
      const { dataset, report } = s.readLists();
      return { dataset, report, scenarios: s.readScenarios() };
    },
    importLists: ({ sources, extractDate }) => {
      const s = current();
      const extract = `Imported ${now().toISOString().slice(0, 10)}`;
      const { dataset, report } = importLists(
        sources.map((source) =>
          source.kind === 'pasted'
            ? { kind: 'pasted' as const, name: source.name, list: source.list, text: source.text, extract, ...(extractDate ? { extractDate } : {}) }
            : { kind: sourceKindForFile(source.name), name: source.name, bytes: new Uint8Array(Buffer.from(source.base64, 'base64')), ...(extractDate ? { extractDate } : {}) },
        ),
        { pseudonymKey: s.pseudonymKey(), onProgress: work.importProgress },
      );
      s.replaceLists(dataset, report);
      if (s.info().isDemo) {
        s.markNotDemo();
        if (s.info().title === demoWorkbookTitle) s.rename('Untitled workbook');
      }
      return { workbook: summary(), report };
    },
    saveScenarios: ({ scenarios }) => {
      const problems = scenarios.flatMap((raw, i) => {
        const parsed = parseScenario(raw);
        return parsed.ok ? [] : parsed.messages.map((m) => `scenario ${i + 1}, ${m}`);
      });
      if (problems.length) throw new Error(problems.join('; '));
      current().saveScenarios(scenarios);
      return summary();
    },
    exportToExcel: async () => {
      const s = current();
      const { dataset, report } = s.readLists();
      const history = buildHistory(dataset, []);
      if (history.lastObservedMonth === null) throw new Error('There is nothing to export yet: add your lists on the Data step first.');
      const saved = savedScenarios(s);
      const scenarios = saved.length ? saved : [futureLockdown(history.lastObservedMonth + 1)];
      const result = { ...buildResultJson({ dataset, report, run: runModel(dataset, [], { horizon: 24, scenarios }) }), calibration: calibrationResult(dataset, [], history) };
      const bytes = resultsWorkbook(result, { workbookTitle: s.info().title, appVersion: options.version, createdAt: now().toISOString() });
      const target = await options.chooseSavePath(`${fileSafe(s.info().title)} projections.xlsx`, 'excel');
      if (target === null) return { saved: false, filePath: null, sheets: exportedSheetNames(result) };
      writeFileAtomically(target, bytes);
      const download = options.transport === 'loopback' ? { download: { fileName: path.basename(target), base64: Buffer.from(bytes).toString('base64') } } : {};
      return { saved: true, filePath: target, sheets: exportedSheetNames(result), ...download };
    },
    getProgress: () => work.state(),
    cancelWork: () => work.cancel(),
    openFile: (file) => {
      switchTo(WorkbookStore.open(file), path.resolve(file));
      return summary();
    },
    shutdown: () => {
      store?.close();
      store = null;
    },
  }, work);
}
