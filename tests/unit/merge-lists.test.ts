// Combining an import with the lists a workbook holds: only the lists with usable rows are replaced, their
// extracts join the kept ones (pasted lists stay one extract), and the report keeps each list's own account.
import { dateForPeople } from '../../shared/text/people-format.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../shared/dataset/types.ts';
import { importLists, type ImportResult } from '../../shared/import/import-lists.ts';
import type { ListId } from '../../shared/import/list-catalogue.ts';
import { mergeImport, type WorkbookLists } from '../../shared/import/merge-lists.ts';
import type { ImportReport } from '../../shared/import/report.ts';
import { annexASnapshot, type AnnexASnapshot } from '../../shared/synthetic/annex-a-snapshot.ts';
import { clipboardText } from '../../shared/synthetic/write-annex-a.ts';
import { generated } from '../support/generated-extracts.ts';
import { testKey } from '../support/synthetic.ts';

let snapshot: AnnexASnapshot;
beforeAll(() => {
  snapshot = annexASnapshot(generated(77, { to: '2024-09-30' }), '2024-09-30');
}, 120_000);

const pasteOf = (list: ListId, rows = snapshot[list], extractDate?: string): ImportResult =>
  importLists([{ kind: 'pasted', name: `Pasted ${list}`, list, text: clipboardText({ ...snapshot, [list]: rows }, list, true), extract: 'Pasted lists', ...(extractDate ? { extractDate } : {}) }], { pseudonymKey: testKey });

/** What a workbook holds after a merge is written: the extracts its rows use, the rows, the report. */
class Workbook {
  dataset: Dataset = { extracts: [], referrals: [], cpp: [], cla: [] };
  report: ImportReport | null = null;
  lists(): WorkbookLists {
    const used = (list: ListId) => [...new Set(this.dataset[list].map((r) => r.extract))];
    return { extracts: this.dataset.extracts, report: this.report, extractsInUse: { referrals: used('referrals'), cpp: used('cpp'), cla: used('cla') } };
  }
  take(result: ImportResult) {
    const merge = mergeImport(this.lists(), result);
    for (const list of merge.replaced) (this.dataset[list] as unknown[]) = merge.dataset[list];
    const used = new Set((['referrals', 'cpp', 'cla'] as const).flatMap((l) => this.dataset[l].map((r) => r.extract)));
    this.dataset.extracts = merge.dataset.extracts.filter((e) => used.has(e.id));
    this.report = merge.report;
    return merge;
  }
}

const latest = (dates: Array<string | null>) => dates.filter((d): d is string => d !== null).sort().at(-1)!;

describe('merging an import into the workbook', () => {
  it('pasted lists, one at a time, are one extract whose date is the latest in them all, said once', () => {
    const workbook = new Workbook();
    const referrals = workbook.take(pasteOf('referrals'));
    expect(referrals.replaced).toEqual(['referrals']);
    const cpp = workbook.take(pasteOf('cpp'));
    expect(cpp.replaced).toEqual(['cpp']);
    expect(workbook.dataset.referrals).toHaveLength(snapshot.referrals.length);
    expect(workbook.dataset.cpp).toHaveLength(snapshot.cpp.length);
    const expected = latest([...workbook.dataset.referrals.map((r) => r.referralDate), ...workbook.dataset.cpp.flatMap((c) => [c.startDate, c.endDate])]);
    expect(workbook.dataset.extracts).toEqual([{ id: 1, label: 'Pasted lists', extractDate: expected, extractDateSource: 'inferred' }]);
    expect(new Set([...workbook.dataset.referrals, ...workbook.dataset.cpp].map((r) => r.extract))).toEqual(new Set([1]));
    const notes = workbook.report!.issues.filter((i) => i.message.startsWith('No extract date'));
    expect(notes.map((n) => n.message)).toEqual([`No extract date was given for "Pasted lists": it is taken as ${dateForPeople(expected)}, the latest date in its lists. Give the real date if you know it.`]);
    // Each list keeps its own account of the rows read.
    expect(workbook.report!.referrals).toMatchObject({ present: true, rowsRead: snapshot.referrals.length });
    expect(workbook.report!.cpp).toMatchObject({ present: true, rowsRead: snapshot.cpp.length });
    expect(workbook.report!.cla.present).toBe(false);
  });

  it('a list read without one usable row is not replaced, and keeps its account in the report', () => {
    const workbook = new Workbook();
    workbook.take(pasteOf('referrals'));
    workbook.take(pasteOf('cla'));
    const before = structuredClone(workbook.dataset);
    const broken = snapshot.cla.slice(0, 12).map((r) => ({ ...r, 'Date Started to be Looked After': 'soon' }));
    const merge = mergeImport(workbook.lists(), pasteOf('cla', broken));
    expect(merge).toMatchObject({ replaced: [], unusable: ['cla'] });
    expect(merge.report.cla).toEqual(workbook.report!.cla);
    expect(workbook.dataset).toEqual(before);
  });

  it('a list with a given extract date that differs from the kept lists’ is an extract of its own', () => {
    const workbook = new Workbook();
    workbook.take(pasteOf('referrals', snapshot.referrals, '2024-09-30'));
    workbook.take(pasteOf('cpp', snapshot.cpp, '2024-10-31'));
    expect(workbook.dataset.extracts.map((e) => [e.id, e.extractDate, e.extractDateSource])).toEqual([
      [1, '2024-09-30', 'given'],
      [2, '2024-10-31', 'given'],
    ]);
    // The same date again: the same extract.
    workbook.take(pasteOf('cla', snapshot.cla, '2024-09-30'));
    expect(new Set(workbook.dataset.cla.map((c) => c.extract))).toEqual(new Set([1]));
  });

  it('over the demo, replaces every list, with what the import has for each', () => {
    const workbook = new Workbook();
    for (const list of ['referrals', 'cpp', 'cla'] as const) workbook.take(pasteOf(list));
    const merge = mergeImport(workbook.lists(), pasteOf('cpp'), { replaceEveryList: true });
    expect(merge.replaced).toEqual(['referrals', 'cpp', 'cla']);
    expect(merge.dataset.referrals).toEqual([]);
    expect(merge.dataset.cla).toEqual([]);
    expect(merge.report.referrals.present).toBe(false);
  });
});
