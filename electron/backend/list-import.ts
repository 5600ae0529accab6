// What an import does to the open workbook: it replaces only the lists it has usable rows for, asks first
// where that would replace rows the person has not just put there themselves, and changes nothing at all
// when it read nothing usable. Every replacement is one change that Undo takes back, even after a reload.
import { randomBytes } from 'node:crypto';
import type { ImportOutcome } from '../../shared/contracts/schemas.ts';
import type { ImportResult } from '../../shared/import/import-lists.ts';
import { listCatalogue, type ListId } from '../../shared/import/list-catalogue.ts';
import { countOfList, inWordsList, replaceQuestion, workbookHolds } from '../../shared/import/list-words.ts';
import { mergeImport } from '../../shared/import/merge-lists.ts';
import type { ImportReport } from '../../shared/import/report.ts';
import type { WorkbookStore } from './storage/workbook-store.ts';

/** Where the rows of an import came from, as the person would say it. */
export type ImportFrom = { pasted: true; lists: ListId[] } | { files: string[] };

export interface Settled {
  outcome: ImportOutcome;
  workbookReport: ImportReport | null;
}

interface Pending {
  token: string;
  file: string;
  result: ImportResult;
  from: ImportFrom;
}

export function describeImport(from: ImportFrom): string {
  return 'pasted' in from ? `the paste into ${inWordsList(from.lists.map((l) => listCatalogue[l].name))}` : `the import of ${inWordsList(from.files)}`;
}

export function listImports(options: { now: () => Date; demoTitle: string; untitled: string }) {
  let pending: Pending | null = null;

  function replace(store: WorkbookStore, result: ImportResult, from: ImportFrom): Settled {
    const info = store.info();
    const merge = mergeImport({ extracts: store.readExtracts(), report: store.readReport(), extractsInUse: store.extractIdsByList() }, result, { replaceEveryList: info.isDemo });
    const changeId = store.changeLists({
      lists: merge.replaced,
      dataset: merge.dataset,
      report: merge.report,
      description: describeImport(from),
      madeAt: options.now().toISOString(),
      // The demo's made-up lists never mix with an analyst's own: the first import makes it their workbook.
      ...(info.isDemo ? { workbook: { isDemo: false, title: info.title === options.demoTitle ? options.untitled : info.title } } : {}),
    });
    const rows = store.rowCounts();
    const kept = merge.unusable.map((l) => ` No row of ${listCatalogue[l].name} could be used, so the workbook keeps its ${countOfList(l, rows[l])}.`).join('');
    const names = info.isDemo ? 'the demo’s made-up lists with yours' : inWordsList(merge.replaced.map((l) => listCatalogue[l].name));
    return {
      outcome: { kind: 'replaced', changeId, lists: merge.replaced, message: `Replaced ${names}. The workbook now holds ${workbookHolds(rows)}.${kept} Undo takes it back.` },
      workbookReport: merge.report,
    };
  }

  return {
    /** Replaces what the import brings, or asks first, or changes nothing and says why. */
    settle(store: WorkbookStore, result: ImportResult, from: ImportFrom, replaceWithoutAsking: readonly ListId[]): Settled {
      pending = null;
      const rows = store.rowCounts();
      const usable = (['referrals', 'cpp', 'cla'] as const).filter((l) => result.dataset[l].length > 0);
      if (usable.length === 0) {
        const what =
          'pasted' in from
            ? `none of the rows you pasted could be used (the rows that need a look are listed below)`
            : `no Annex A list with a usable row was found in ${inWordsList(from.files)} (what was found in the files is listed below)`;
        const holds = rows.referrals + rows.cpp + rows.cla > 0 ? `it still holds ${workbookHolds(rows)}` : 'it holds no lists yet';
        return { outcome: { kind: 'unchanged', message: `Nothing was imported: ${what}. The workbook is unchanged: ${holds}.` }, workbookReport: store.readReport() };
      }
      const asking = store.info().isDemo ? [] : usable.filter((l) => rows[l] > 0 && !replaceWithoutAsking.includes(l));
      if (asking.length > 0) {
        const replacing = usable.filter((l) => rows[l] > 0).map((list) => ({ list, inWorkbook: rows[list], incoming: result.dataset[list].length }));
        pending = { token: randomBytes(16).toString('hex'), file: store.file, result, from };
        return {
          outcome: { kind: 'confirm', token: pending.token, replacing, question: replaceQuestion(replacing, 'pasted' in from ? { pasted: true } : { files: from.files }) },
          workbookReport: store.readReport(),
        };
      }
      return replace(store, result, from);
    },

    /** The person said yes: replace what the waiting import brings. */
    confirm(store: WorkbookStore, token: string): Settled & { result: ImportResult } {
      const waiting = pending;
      pending = null;
      if (!waiting || waiting.token !== token || waiting.file !== store.file) {
        throw new Error('That import is no longer waiting (the workbook changed since it was read). Paste or import the list again.');
      }
      return { ...replace(store, waiting.result, waiting.from), result: waiting.result };
    },

    /** Anything else changing the workbook ends the wait. */
    forget(): void {
      pending = null;
    },
  };
}
