// What the backend is busy with, and the request to stop. The backend's handlers say which task they
// run and how far it is; the window asks (getProgress) and may cancel (cancelWork). When the backend
// runs in a worker thread, the cancel flag lives in memory shared with the main process, so a cancel
// reaches an import that keeps the worker busy without waiting for it, and every change of the state is
// published to the main process, which answers getProgress itself.
import type { BackendHandlers } from '../../shared/contracts/bridge.ts';
import { WorkCancelledError, type ProgressState, type WorkProgress, type WorkTask } from '../../shared/contracts/progress.ts';
import type { HousingList } from '../../shared/dataset/housing.ts';
import type { ImportProgress } from '../../shared/import/import-lists.ts';
import { listCatalogue } from '../../shared/import/list-catalogue.ts';
import type { ImportProgress as ProgressOf } from '../../shared/import/read-grids.ts';
import { listInSentence } from '../../shared/import/values/date-order.ts';

/** The state as published: `startedAt` (ms since the epoch) instead of the elapsed time. */
export type PublishedWork = Omit<WorkProgress, 'elapsedMs'> & { startedAt: number };

export interface WorkTracker {
  /** Starts a task; any earlier cancel request is forgotten. */
  begin(task: WorkTask, stage: string, cancellable: boolean): void;
  /** A new stage of the task under way, with its total when it can be counted. */
  stage(stage: string, total: number | null, cancellable: boolean): void;
  /** How far the stage is; throws WorkCancelledError when a cancel was asked and the stage can stop. */
  advance(done: number): void;
  /**
   * The point of no return, before the task changes anything: throws WorkCancelledError if a cancel was
   * asked at any time before (nothing was changed), and otherwise refuses every later cancel (the answer
   * says so) while `stage` (e.g. "Saving the lists to the workbook") is shown without a Cancel button.
   */
  commit(stage: string): void;
  /** A stage of work that cannot be cancelled, counted in steps or percent: "Projecting the scenarios: 1 of 5 steps". */
  step(stage: string, done: number, total: number, unit?: 'steps' | 'percent'): void;
  end(): void;
  /** Stops the clock while the person answers a dialog: a file chooser is not work in progress. */
  hold<T>(during: () => Promise<T>): Promise<T>;
  /** For importLists: turns its progress reports into stages and counts ("Reading Referrals (List 3)"). */
  importProgress(progress: ImportProgress): void;
  /** The same for importHousingLists, in the housing service's words ("Reading the case list"). */
  housingImportProgress(progress: ProgressOf<HousingList>): void;
  state(): ProgressState;
  cancel(): { cancelling: boolean };
}

export interface WorkTrackerOptions {
  /** One Int32 cell (see requestCancel). Shared with the main process when the backend runs in a worker. */
  cancelFlag?: Int32Array;
  /** Called with each new state (throttled while counting): the worker posts it to the main process. */
  publish?: (work: PublishedWork | null) => void;
  now?: () => number;
}

// The shared cancel flag: the task runs and may be cancelled; a cancel was asked; the task is past its
// point of no return (see commit) and can no longer be cancelled.
const running = 0;
const cancelAsked = 1;
const committed = 2;

/** Asks the task to stop; false when it is past its point of no return. Safe from any thread. */
export function requestCancel(flag: Int32Array): boolean {
  return Atomics.compareExchange(flag, 0, running, cancelAsked) !== committed;
}

export function createWorkTracker(options: WorkTrackerOptions = {}): WorkTracker {
  const flag = options.cancelFlag ?? new Int32Array(1);
  const now = options.now ?? Date.now;
  let work: PublishedWork | null = null;
  let lastPublished = 0;
  const publish = (force: boolean) => {
    if (!options.publish) return;
    const t = now();
    if (!force && t - lastPublished < 50) return;
    lastPublished = t;
    options.publish(work && { ...work });
  };
  const cancelRequested = () => Atomics.load(flag, 0) === cancelAsked;

  // Both services' imports report alike (read-grids.ts); only the words for their lists and checks differ.
  function reportImport<L extends string>(progress: ProgressOf<L>, listName: (list: L) => string, checking: string): void {
    if (progress.phase === 'reading') tracker.stage(`Opening ${progress.source}`, null, true);
    // Still cancellable: a cancel is honoured when the checks are done, before anything is saved (commit).
    else if (progress.phase === 'checking') tracker.stage(checking, null, true);
    else {
      const stage = `Reading ${listName(progress.list)}`;
      if (work?.stage !== stage || work.total !== progress.total) tracker.stage(stage, progress.total, true);
      tracker.advance(progress.done);
    }
  }

  const tracker: WorkTracker = {
    begin(task, stage, cancellable) {
      Atomics.store(flag, 0, running);
      work = { task, stage, done: 0, total: null, unit: task === 'import' ? 'rows' : 'steps', startedAt: now(), cancellable, cancelling: false };
      publish(true);
    },
    stage(stage, total, cancellable) {
      if (!work) return;
      work = { ...work, stage, total, done: 0, cancellable };
      publish(true);
    },
    advance(done) {
      if (!work) return;
      if (work.cancellable && cancelRequested()) throw new WorkCancelledError();
      work.done = done;
      publish(false);
    },
    step(stage, done, total, unit = 'steps') {
      if (!work) return;
      const same = work.stage === stage && work.unit === unit && work.total === total;
      work = { ...work, stage, done, total, unit, cancellable: false };
      publish(!same);
    },
    commit(stage) {
      if (!work) return;
      // One atomic step decides between a cancel already asked and the work going ahead: a cancel from
      // the main process after it finds the flag committed and is refused there (requestCancel).
      if (Atomics.compareExchange(flag, 0, running, committed) === cancelAsked) throw new WorkCancelledError();
      tracker.stage(stage, null, false);
    },
    end() {
      work = null;
      // Nothing to cancel until the next task begins: a late cancel is refused, not left for it.
      Atomics.store(flag, 0, committed);
      publish(true);
    },
    async hold(during) {
      const held = work;
      work = null;
      publish(true);
      try {
        return await during();
      } finally {
        if (held) {
          work = { ...held, startedAt: now() };
          publish(true);
        }
      }
    },
    importProgress: (progress) => reportImport(progress, (list) => listCatalogue[list].name, 'Checking the rows across lists'),
    housingImportProgress: (progress) => reportImport(progress, (list) => listInSentence[list], 'Checking the case list and the TA list together'),
    state: () => ({ work: work && elapsed(work, now()) }),
    cancel() {
      if (!work?.cancellable || !requestCancel(flag)) return { cancelling: false };
      work.cancelling = true;
      return { cancelling: true };
    },
  };
  return tracker;
}

export function elapsed(work: PublishedWork, now: number): WorkProgress {
  const { startedAt, ...rest } = work;
  return { ...rest, elapsedMs: Math.max(0, now - startedAt) };
}

/** Which methods are work worth reporting, and how they are described before they report stages. */
const tasks: Partial<Record<keyof BackendHandlers, { task: WorkTask; stage: string; cancellable: boolean }>> = {
  importLists: { task: 'import', stage: 'Reading your lists', cancellable: true },
  importHousingLists: { task: 'import', stage: 'Reading your lists', cancellable: true },
  importSsda903: { task: 'import', stage: 'Reading the SSDA903 returns', cancellable: false },
  saveWorkbookAs: { task: 'save', stage: 'Saving the workbook', cancellable: false },
  openWorkbook: { task: 'open', stage: 'Opening the workbook', cancellable: false },
  openRecentWorkbook: { task: 'open', stage: 'Opening the workbook', cancellable: false },
  getWorkbookData: { task: 'open', stage: 'Reading the workbook’s lists', cancellable: false },
  exportToExcel: { task: 'export', stage: 'Projecting and writing the Excel workbook', cancellable: false },
};

/** The handlers, with each heavy one run as a task of the tracker. */
export function trackWork<H extends BackendHandlers>(handlers: H, tracker: WorkTracker): H {
  const tracked: Record<string, unknown> = { ...handlers };
  for (const [name, spec] of Object.entries(tasks)) {
    const handler = handlers[name as keyof BackendHandlers] as (...args: unknown[]) => unknown;
    // A handler that answers at once stays synchronous (callers in-process rely on it).
    tracked[name] = (...args: unknown[]) => {
      tracker.begin(spec.task, spec.stage, spec.cancellable);
      let result: unknown;
      try {
        result = handler(...args);
      } catch (err) {
        tracker.end();
        throw err;
      }
      if (result instanceof Promise) return result.finally(() => tracker.end());
      tracker.end();
      return result;
    };
  }
  return tracked as H;
}
