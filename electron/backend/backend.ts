// The backend behind the bridge: one handler per bridge method. It knows nothing of the transport that
// carries the call, so Electron IPC and the loopback server run exactly this code. The open workbook is
// always a file: a new or demo workbook lives in the autosave folder until the person saves it where they
// choose, and every change is committed to it before the handler returns.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BackendHandlers } from '../../shared/contracts/bridge.ts';
import type { ListChangeResult, Transport, WorkbookSummary } from '../../shared/contracts/schemas.ts';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { futureLockdown } from '../../shared/engine/children/presets.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { parseScenario, type Scenario } from '../../shared/engine/scenario.ts';
import { exportedSheetNames, resultsWorkbook } from '../../shared/export/results-workbook.ts';
import { calibrationResult } from '../../shared/result/calibration-result.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';
import { importLists, sourceKindForFile } from '../../shared/import/import-lists.ts';
import { nodeInflate } from '../common/node-inflate.ts';
import { workbookHolds } from '../../shared/import/list-words.ts';
import { writeFileAtomically } from '../common/atomic-write.ts';
import { privateFolder } from '../common/private-files.ts';
import { pruneAutosaves } from './autosave-folder.ts';
import { listImports } from './list-import.ts';
import { housingListImports, housingWorkbookHolds } from './housing-list-import.ts';
import { importHousingLists } from '../../shared/import/housing/import-housing.ts';
import { housingDemoImport, housingDemoTitle } from '../../shared/synthetic/housing-demo.ts';
import { importSsda903, type Ssda903File } from '../../shared/import/ssda903/import-ssda903.ts';
import { loadSsda903Files } from '../common/load-ssda903.ts';
import { ssda903Imports } from './ssda903-import.ts';
import { workbookDataset } from './workbook-dataset.ts';
import { housingExport } from './housing-export.ts';
import { recentFiles } from './recent-files.ts';
import { WorkbookStore, type WorkbookService } from './storage/workbook-store.ts';
import { createWorkTracker, trackWork, type WorkTracker } from './work.ts';
import { scenarioProblemsInWords } from '../../shared/text/scenario-problems.ts';

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
  /** Asks which SSDA903 folders, zips or CSV files to import (the desktop app's dialog); null when cancelled. */
  chooseSsda903Paths?: (what: 'folder' | 'files') => Promise<string[] | null>;
  /** What the backend is busy with, for the progress bar, and the cancel flag (see work.ts). */
  work?: WorkTracker;
}

export const demoWorkbookTitle = 'Demo authority (synthetic data)';
export const workbookExtension = '.dwb';
const extractDateSetting = 'extract-date';

export interface Backend extends BackendHandlers {
  /** Opens a workbook file the operating system handed to the app (a double-click on a .dwb file). */
  openFile(file: string): WorkbookSummary;
  /** Closes the open workbook cleanly (app quit, tests). */
  shutdown(): void;
}

/** The names a person gave: the top folder or file of each path ("returns" for "returns/2024/episodes.csv"). */
function topNames(paths: readonly string[]): string[] {
  const names = [...new Set(paths.map((p) => p.split('/')[0]!))];
  return names.length > 5 ? [...names.slice(0, 5), `${names.length - 5} other files`] : names;
}

export function createBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  const work = options.work ?? createWorkTracker();
  const autosaveFolder = path.join(options.dataFolder, 'autosave');
  const recent = recentFiles(options.dataFolder);
  let store: WorkbookStore | null = null;
  /** The file the person chose, or null while the workbook lives in the autosave folder. */
  let chosenPath: string | null = null;
  /** Said about the open workbook until another is opened (a stale lock taken over, a workbook that could not be reopened). */
  let notice: string | null = null;
  const imports = listImports({ now, demoTitle: demoWorkbookTitle, untitled: 'Untitled workbook' });
  const returnsImports = ssda903Imports({ now, demoTitle: demoWorkbookTitle, untitled: 'Untitled workbook' });
  const housingImports = housingListImports({ now, demoTitle: housingDemoTitle, untitled: 'Untitled housing workbook' });

  const fileSafe = (title: string) => title.replace(/[^\w\- ()]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Workbook';

  // Which workbook was open last, so that a restart (or a crash) brings the same work back.
  const lastOpenFile = path.join(options.dataFolder, 'last-open.json');

  // Only a workbook that opened whole is recorded here, so a damaged one is never reopened at the next start.
  function switchTo(next: WorkbookStore, chosen: string | null, saying: string | null = next.notice): void {
    imports.forget();
    returnsImports.forget();
    housingImports.forget();
    store?.close();
    store = next;
    chosenPath = chosen;
    notice = saying;
    if (chosen) recent.add(chosen);
    privateFolder(options.dataFolder);
    writeFileAtomically(lastOpenFile, JSON.stringify({ file: next.file, chosen }));
  }

  /** Reopens the last workbook; when it cannot be, says why (to be shown beside whatever opens instead). */
  function reopenLast(): { reopened: true } | { reopened: false; problem: string | null } {
    let last: { file?: unknown; chosen?: unknown };
    try {
      last = JSON.parse(readFileSync(lastOpenFile, 'utf8')) as { file?: unknown; chosen?: unknown };
    } catch {
      return { reopened: false, problem: null }; // nothing to recover
    }
    if (typeof last.file !== 'string' || !existsSync(last.file)) return { reopened: false, problem: null };
    const chosen = typeof last.chosen === 'string' ? last.chosen : null;
    try {
      switchTo(WorkbookStore.open(last.file), chosen);
    } catch (err) {
      rmSync(lastOpenFile, { force: true });
      const why = err instanceof Error ? err.message : String(err);
      return { reopened: false, problem: `The workbook open when the app last closed could not be reopened. ${why}` };
    }
    if (chosen === null) nameAutosaveTruthfully();
    return { reopened: true };
  }

  function autosavePath(title: string): string {
    privateFolder(autosaveFolder);
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    for (let n = 1; ; n++) {
      const candidate = path.join(autosaveFolder, `${fileSafe(title)} ${stamp}${n === 1 ? '' : ` ${n}`}${workbookExtension}`);
      if (!existsSync(candidate)) return candidate;
    }
  }

  function createInAutosave(title: string, isDemo: boolean, service: WorkbookService = 'children'): WorkbookStore {
    const created = WorkbookStore.create(autosavePath(title), {
      title,
      createdAt: now().toISOString(),
      isDemo,
      pseudonymKey: randomBytes(32),
      service,
    });
    pruneAutosaves(autosaveFolder, { keep: [created.file, ...(store ? [store.file] : []), ...recent.list()], now: now(), extension: workbookExtension });
    return created;
  }

  const demoFilePrefixes = [fileSafe(demoWorkbookTitle), fileSafe(housingDemoTitle)];

  // An autosaved workbook named after the demo but holding the analyst's own lists is renamed after what it
  // is now, so that nobody mistakes real data for made-up data in the autosave folder.
  function nameAutosaveTruthfully(): void {
    const s = store;
    if (!s || chosenPath !== null || s.readOnlyReason || s.info().isDemo || !demoFilePrefixes.some((prefix) => path.basename(s.file).startsWith(prefix))) return;
    let next = autosavePath(s.info().title);
    const saying = notice;
    store = null;
    s.close();
    try {
      if (existsSync(`${s.file}-wal`)) renameSync(`${s.file}-wal`, `${next}-wal`); // changes a full disk kept in the log
      rmSync(`${s.file}-shm`, { force: true });
      renameSync(s.file, next);
    } catch {
      if (existsSync(`${next}-wal`) && !existsSync(next)) renameSync(`${next}-wal`, `${s.file}-wal`);
      next = s.file; // could not be renamed (held open by another program): carry on under its old name
    }
    switchTo(WorkbookStore.open(next), null, saying);
  }

  function openDemo(): void {
    const demo = createInAutosave(demoWorkbookTitle, true);
    const { dataset, report } = demoImport();
    demo.replaceLists(dataset, report);
    switchTo(demo, null);
  }

  function openHousingDemo(): void {
    const demo = createInAutosave(housingDemoTitle, true, 'housing');
    const { dataset, report } = housingDemoImport();
    demo.replaceHousingLists(dataset, report);
    switchTo(demo, null);
  }

  /** The open workbook, which must be a housing workbook (the housing methods say so plainly otherwise). */
  function housingStore(): WorkbookStore {
    const s = current();
    if (s.service() !== 'housing') throw new Error('This workbook is for children’s services: start a new housing workbook (or open the housing demo) to bring in housing lists.');
    return s;
  }

  /** The open workbook, which must be a children's services workbook. */
  function childrenStore(): WorkbookStore {
    const s = current();
    if (s.service() !== 'children') throw new Error('This is a housing workbook: Annex A lists, SSDA903 returns and the children’s services export belong in a children’s services workbook. Start a new one for them.');
    return s;
  }

  // The app reopens what was open last; the first time, the demo, so that a new user sees a working model
  // before pasting anything.
  function current(): WorkbookStore {
    if (!store) {
      const last = reopenLast();
      if (!last.reopened) {
        openDemo();
        notice = last.problem;
      }
    }
    return store!;
  }

  function summary(): WorkbookSummary {
    const s = current();
    const info = s.info();
    const changes = s.listChanges();
    const service = s.service();
    return {
      title: info.title,
      service,
      housingRows: service === 'housing' ? s.housingRowCounts() : null,
      isDemo: info.isDemo,
      filePath: chosenPath,
      createdAt: info.createdAt,
      readOnlyReason: s.readOnlyReason,
      notice,
      rows: s.rowCounts(),
      extractDate: keptExtractDate(s),
      undo: changes.undo?.description ?? null,
      redo: changes.redo?.description ?? null,
      returns: s.returnsHeld(),
    };
  }

  function changeLists(direction: 'undo' | 'redo'): ListChangeResult {
    const s = current();
    imports.forget();
    returnsImports.forget();
    housingImports.forget();
    const change = direction === 'undo' ? s.undoListChange() : s.redoListChange();
    const workbook = summary();
    const housing = workbook.service === 'housing';
    const holds = housing ? housingWorkbookHolds(workbook.housingRows!) : workbookHolds(workbook.rows);
    const message = change ? `${direction === 'undo' ? 'Undone' : 'Done again'}: ${change.description}. The workbook holds ${holds}.` : `There is nothing to ${direction}.`;
    const lists = change?.lists ?? [];
    const annexA = lists.filter((l) => l === 'referrals' || l === 'cpp' || l === 'cla');
    const housingLists = lists.filter((l) => l === 'cases' || l === 'ta');
    return {
      workbook,
      // A housing workbook's report is read with its lists (getHousingData).
      workbookReport: housing ? null : s.readReport(),
      change: change ? { id: change.id, lists: annexA, ...(housingLists.length ? { housingLists } : {}), ...(change.returns ? { returns: true } : {}) } : null,
      message,
    };
  }

  /** The extract date the person gave, as kept in the workbook (read once; null when none or not a date). */
  function keptExtractDate(s: WorkbookStore): string | null {
    const kept = s.setting(extractDateSetting);
    return kept !== null && /^\d{4}-\d{2}-\d{2}$/.test(kept) ? kept : null;
  }

  function savedScenarios(s: WorkbookStore): Scenario[] {
    return s.readScenarios().flatMap((raw) => {
      const parsed = parseScenario(raw);
      return parsed.ok ? [parsed.scenario] : [];
    });
  }

  /** The children's services export: the workbook's lists and scenarios, projected, checked and written. */
  function childrenExport(step: (done: number, stage: string) => void): { bytes: Uint8Array; sheets: string[] } {
    const s = childrenStore();
    step(0, 'Reading the workbook’s lists');
    const { dataset, report, returns } = workbookDataset(s);
    const history = buildHistory(dataset, []);
    if (history.lastObservedMonth === null) throw new Error('There is nothing to export yet: add your lists on the Data step first.');
    const saved = savedScenarios(s);
    const scenarios = saved.length ? saved : [futureLockdown(history.lastObservedMonth + 1)];
    step(1, 'Projecting the scenarios');
    const run = runModel(dataset, [], { horizon: 24, scenarios });
    step(2, 'Checking the projections against the past');
    const result = { ...buildResultJson({ dataset, report, run, ...(returns ? { ssda903: returns.report } : {}) }), calibration: calibrationResult(dataset, [], history) };
    step(3, 'Writing the Excel workbook');
    const bytes = resultsWorkbook(result, { workbookTitle: s.info().title, appVersion: options.version, createdAt: now().toISOString() });
    return { bytes, sheets: exportedSheetNames(result) };
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
    newWorkbookFor: ({ service }) => {
      switchTo(createInAutosave(service === 'housing' ? 'Untitled housing workbook' : 'Untitled workbook', false, service), null);
      return summary();
    },
    openDemoWorkbook: () => {
      openDemo();
      return summary();
    },
    openHousingDemoWorkbook: () => {
      openHousingDemo();
      return summary();
    },
    renameWorkbook: ({ title }) => {
      current().rename(title);
      return summary();
    },
    saveWorkbookAs: async ({ fileName }) => {
      const s = current();
      const target = await options.chooseSavePath(`${fileSafe(fileName ?? s.info().title)}${workbookExtension}`, 'workbook');
      if (target === null) return { saved: false, workbook: summary() };
      await s.saveCopyAs(target, (copied, pages) => work.step('Saving the workbook', pages > 0 ? Math.floor((100 * copied) / pages) : 0, 100, 'percent'));
      switchTo(WorkbookStore.open(target), path.resolve(target));
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
      // A housing workbook holds no Annex A lists: its lists come through getHousingData.
      if (s.service() === 'housing') return { dataset: { extracts: [], referrals: [], cpp: [], cla: [] }, report: null, returnsReport: null, scenarios: s.readScenarios() };
      const { dataset, report, returns } = workbookDataset(s);
      return { dataset, report, returnsReport: returns?.report ?? null, scenarios: s.readScenarios() };
    },
    importLists: ({ sources, extractDate, dateOrders, replaceWithoutAsking }) => {
      const s = childrenStore();
      returnsImports.forget();
      housingImports.forget();
      // Pasted lists are one extract, whichever grid they came from and whenever: a list pasted alone joins the others.
      const extract = 'Pasted lists';
      const result = importLists(
        sources.map((source) =>
          source.kind === 'pasted'
            ? { kind: 'pasted' as const, name: source.name, list: source.list, text: source.text, extract, ...(extractDate ? { extractDate } : {}) }
            : { kind: sourceKindForFile(source.name), name: source.name, bytes: new Uint8Array(Buffer.from(source.base64, 'base64')), ...(extractDate ? { extractDate } : {}) },
        ),
        { pseudonymKey: s.pseudonymKey(), inflate: nodeInflate, onProgress: work.importProgress, today: now().toISOString().slice(0, 10), ...(dateOrders ? { dateOrders } : {}) },
      );
      // Nothing is stored past this point if the person cancelled; from here on the lists are being saved,
      // and a cancel is refused (the bar shows the saving without a Cancel button).
      work.commit('Saving the lists to the workbook');
      // A column whose dates could be read the wrong way round is asked about before anything is stored.
      if (result.dateQuestions.length > 0) {
        const outcome = { kind: 'unchanged' as const, message: 'Nothing was imported yet: say how the dates are written, and the lists are read again.' };
        return { workbook: summary(), report: result.report, workbookReport: s.readReport(), outcome, dateQuestions: result.dateQuestions };
      }
      const files = sources.flatMap((source) => (source.kind === 'file' ? [source.name] : []));
      const from = files.length ? { files } : { pasted: true as const, lists: [...new Set(sources.flatMap((source) => (source.kind === 'pasted' ? [source.list] : [])))] };
      const settled = imports.settle(s, result, from, replaceWithoutAsking ?? []);
      if (settled.outcome.kind === 'replaced') nameAutosaveTruthfully();
      return { workbook: summary(), report: result.report, ...settled };
    },
    getHousingData: () => {
      const s = housingStore();
      const { dataset, report } = s.readHousingLists();
      return { dataset, report, scenarios: s.readScenarios() };
    },
    importHousingLists: ({ sources, extractDate, dateOrders, replaceWithoutAsking }) => {
      const s = housingStore();
      imports.forget();
      returnsImports.forget();
      const result = importHousingLists(
        sources.map((source) =>
          source.kind === 'pasted'
            ? { kind: 'pasted' as const, name: source.name, list: source.list, text: source.text, ...(extractDate ? { extractDate } : {}) }
            : { kind: sourceKindForFile(source.name), name: source.name, bytes: new Uint8Array(Buffer.from(source.base64, 'base64')), ...(extractDate ? { extractDate } : {}) },
        ),
        { pseudonymKey: s.pseudonymKey(), inflate: nodeInflate, onProgress: work.housingImportProgress, today: now().toISOString().slice(0, 10), ...(dateOrders ? { dateOrders } : {}) },
      );
      // As for the Annex A lists: a cancel asked while reading stops here, before anything is stored.
      work.commit('Saving the lists to the workbook');
      if (result.dateQuestions.length > 0) {
        const outcome = { kind: 'unchanged' as const, message: 'Nothing was imported yet: say how the dates are written, and the lists are read again.' };
        return { workbook: summary(), report: result.report, workbookReport: s.readHousingLists().report, outcome, dateQuestions: result.dateQuestions };
      }
      const files = sources.flatMap((source) => (source.kind === 'file' ? [source.name] : []));
      const from = files.length ? { files } : { pasted: true as const, lists: [...new Set(sources.flatMap((source) => (source.kind === 'pasted' ? [source.list] : [])))] };
      const settled = housingImports.settle(s, result, from, replaceWithoutAsking ?? []);
      if (settled.outcome.kind === 'replaced') nameAutosaveTruthfully();
      return { workbook: summary(), report: result.report, ...settled };
    },
    confirmHousingImport: ({ token }) => {
      const { result, ...settled } = housingImports.confirm(housingStore(), token);
      if (settled.outcome.kind === 'replaced') nameAutosaveTruthfully();
      return { workbook: summary(), report: result.report, ...settled };
    },
    importSsda903: async ({ source }) => {
      const s = childrenStore();
      imports.forget();
      let files: Ssda903File[];
      let names: string[];
      if (source.kind === 'files') {
        files = source.files.map((f) => ({ path: f.path.replace(/\\/g, '/'), bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
        names = topNames(files.map((f) => f.path));
      } else {
        if (!options.chooseSsda903Paths) throw new Error('The browser version cannot show the app’s file dialog: choose the folder, zip or files with the buttons on the card, or drop them on it.');
        const chosen = await options.chooseSsda903Paths(source.what);
        if (!chosen || chosen.length === 0) return { workbook: summary(), report: null, outcome: { kind: 'cancelled' as const } };
        files = chosen.flatMap((p) => {
          // Shown from the chosen folder's own name: "returns/2024/episodes.csv", not the whole path.
          const parent = path.dirname(path.resolve(p)).split(path.sep).join('/').replace(/\/+$/, '');
          return loadSsda903Files([p]).map((f) => ({ ...f, path: f.path.startsWith(`${parent}/`) ? f.path.slice(parent.length + 1) : f.path }));
        });
        names = chosen.map((p) => path.basename(p));
      }
      const returns = importSsda903(files, { pseudonymKey: s.pseudonymKey() });
      const outcome = returnsImports.settle(s, returns, names);
      if (outcome.kind === 'replaced') nameAutosaveTruthfully();
      return { workbook: summary(), report: returns.report, outcome };
    },
    confirmSsda903Import: ({ token }) => {
      const { outcome, returns } = returnsImports.confirm(current(), token);
      if (outcome.kind === 'replaced') nameAutosaveTruthfully();
      return { workbook: summary(), report: returns.report, outcome };
    },
    confirmImport: ({ token }) => {
      const { result, ...settled } = imports.confirm(current(), token);
      if (settled.outcome.kind === 'replaced') nameAutosaveTruthfully();
      return { workbook: summary(), report: result.report, ...settled };
    },
    undoListChange: () => changeLists('undo'),
    redoListChange: () => changeLists('redo'),
    setExtractDate: ({ extractDate }) => {
      current().setSetting(extractDateSetting, extractDate ?? '');
      return summary();
    },
    saveScenarios: ({ scenarios }) => {
      const problems = scenarios.flatMap((raw, i) => scenarioProblemsInWords(raw, i));
      if (problems.length) throw new Error(`Not saved: ${problems.join(' ')}`);
      current().saveScenarios(scenarios);
      return summary();
    },
    exportToExcel: async () => {
      // Five steps, each named on the progress bar as it begins.
      const step = (done: number, stage: string) => work.step(stage, done, 5);
      const made = current().service() === 'housing' ? housingExport(housingStore(), savedScenarios(current()), step, { workbookTitle: current().info().title, appVersion: options.version, createdAt: now().toISOString() }) : childrenExport(step);
      const s = current();
      const target = await options.chooseSavePath(`${fileSafe(s.info().title)} projections.xlsx`, 'excel');
      if (target === null) return { saved: false, filePath: null, sheets: made.sheets };
      step(4, 'Saving the Excel file');
      writeFileAtomically(target, made.bytes);
      const download = options.transport === 'loopback' ? { download: { fileName: path.basename(target), base64: Buffer.from(made.bytes).toString('base64') } } : {};
      return { saved: true, filePath: target, sheets: made.sheets, ...download };
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
