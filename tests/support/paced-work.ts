// A work tracker that makes every row count of an import wait a moment before it is reported, for the
// browser tests of the progress bar. An import of the real backend, on the real rows, then lasts long
// enough to watch and to cancel on any machine: without it, a fast machine reads 100,000 rows before
// the bar's half-second delay, and the test of Cancel would depend on the machine's speed.
import type { WorkTracker } from '../../electron/backend/work.ts';

export function pacedImports(msPerReport: number): (tracker: WorkTracker) => WorkTracker {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  // The import is synchronous in the worker thread: a blocking wait is what a slower machine looks like.
  const pause = () => Atomics.wait(sleeper, 0, 0, msPerReport);
  return (tracker) => ({
    ...tracker,
    importProgress(progress) {
      if (progress.phase === 'rows') pause();
      tracker.importProgress(progress);
    },
    housingImportProgress(progress) {
      if (progress.phase === 'rows') pause();
      tracker.housingImportProgress(progress);
    },
  });
}
