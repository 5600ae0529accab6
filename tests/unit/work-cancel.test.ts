// Cancel and the point of no return: a cancel asked at any time before an import begins to save its lists
// is honoured (nothing is changed); once it has begun to save, a cancel is refused in so many words, so
// the window never says "Cancelled: nothing was changed" about lists that were saved. Save and export
// show their stage with a count.
import { describe, expect, it } from 'vitest';
import { describeWork, WorkCancelledError } from '../../shared/contracts/progress.ts';
import { createWorkTracker, requestCancel } from '../../electron/backend/work.ts';

function importUnderWay() {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const tracker = createWorkTracker({ cancelFlag: flag, now: () => 10_000 });
  tracker.begin('import', 'Reading your lists', true);
  tracker.importProgress({ phase: 'rows', source: 'Pasted', list: 'referrals', done: 2000, total: 100_000 });
  return { flag, tracker };
}

describe('cancelling an import', () => {
  it('honours a cancel asked while the rows are checked, when the import reaches its point of no return', () => {
    const { flag, tracker } = importUnderWay();
    tracker.importProgress({ phase: 'checking' });
    expect(tracker.state().work).toMatchObject({ stage: 'Checking the rows across lists', cancellable: true });
    // As the main process asks it, from its own thread: only the shared flag.
    expect(requestCancel(flag)).toBe(true);
    expect(() => tracker.commit('Saving the lists to the workbook')).toThrow(WorkCancelledError);
  });

  it('refuses a cancel once the lists are being saved, and says what is being done', () => {
    const { flag, tracker } = importUnderWay();
    tracker.importProgress({ phase: 'checking' });
    tracker.commit('Saving the lists to the workbook');
    const work = tracker.state().work!;
    expect(work).toMatchObject({ stage: 'Saving the lists to the workbook', cancellable: false, cancelling: false });
    expect(describeWork(work)).toBe('Saving the lists to the workbook…');
    // A Cancel clicked on a bar a moment old reaches the main process, which finds the flag committed.
    expect(requestCancel(flag)).toBe(false);
    expect(tracker.cancel()).toEqual({ cancelling: false });
  });

  it('leaves no late cancel for the next task', () => {
    const { flag, tracker } = importUnderWay();
    tracker.end();
    expect(requestCancel(flag)).toBe(false);
    tracker.begin('import', 'Reading your lists', true);
    expect(() => tracker.importProgress({ phase: 'rows', source: 'Pasted', list: 'referrals', done: 4000, total: 100_000 })).not.toThrow();
    expect(requestCancel(flag)).toBe(true);
    expect(() => tracker.importProgress({ phase: 'rows', source: 'Pasted', list: 'referrals', done: 6000, total: 100_000 })).toThrow(WorkCancelledError);
  });
});

describe('the housing import’s progress', () => {
  it('is said in the housing service’s words, and stops on a cancel as the Annex A import does', () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const tracker = createWorkTracker({ cancelFlag: flag, now: () => 0 });
    tracker.begin('import', 'Reading your lists', true);
    tracker.housingImportProgress({ phase: 'rows', source: 'Pasted case list', list: 'cases', done: 60_000, total: 100_000 });
    expect(describeWork(tracker.state().work!)).toBe('Reading the case list: 60,000 of 100,000 rows');
    tracker.housingImportProgress({ phase: 'rows', source: 'Housing lists.xlsx', list: 'ta', done: 2000, total: 14_694 });
    expect(describeWork(tracker.state().work!)).toBe('Reading the TA list: 2,000 of 14,694 rows');
    tracker.housingImportProgress({ phase: 'checking' });
    expect(tracker.state().work).toMatchObject({ stage: 'Checking the case list and the TA list together', cancellable: true });
    expect(requestCancel(flag)).toBe(true);
    expect(() => tracker.commit('Saving the lists to the workbook')).toThrow(WorkCancelledError);
  });
});

describe('save and export progress', () => {
  it('counts the export in steps and the save in percent', () => {
    const tracker = createWorkTracker({ now: () => 0 });
    tracker.begin('export', 'Projecting and writing the Excel workbook', false);
    tracker.step('Projecting the scenarios', 1, 5);
    expect(describeWork(tracker.state().work!)).toBe('Projecting the scenarios: 1 of 5 steps');
    tracker.end();
    tracker.begin('save', 'Saving the workbook', false);
    tracker.step('Saving the workbook', 40, 100, 'percent');
    expect(tracker.state().work).toMatchObject({ done: 40, total: 100, unit: 'percent', cancellable: false });
    expect(describeWork(tracker.state().work!)).toBe('Saving the workbook: 40%');
  });
});
