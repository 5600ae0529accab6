// What an import of housing lists does to an open housing workbook, as list-import.ts does for the Annex A
// lists: it replaces only the lists it has usable rows for, asks first where that would replace rows the
// person has not just put there themselves, and changes nothing when it read nothing usable. Every
// replacement is one change that Undo takes back (list-changes.ts), even after a reload.
import { randomBytes } from 'node:crypto';
import { housingLists, type HousingDataset, type HousingList } from '../../shared/dataset/housing.ts';
import type { HousingImportOutcome } from '../../shared/contracts/schemas.ts';
import { housingCatalogue } from '../../shared/import/housing/housing-lists.ts';
import { isTaWithoutCaseNote, taWithoutCaseNote, type HousingImportReport, type HousingImportResult } from '../../shared/import/housing/import-housing.ts';
import { inWordsList } from '../../shared/import/list-words.ts';
import { countForPeople } from '../../shared/text/people-format.ts';
import type { WorkbookStore } from './storage/workbook-store.ts';

export type HousingImportFrom = { pasted: true; lists: HousingList[] } | { files: string[] };

const nouns: Record<HousingList, [string, string]> = { cases: ['case', 'cases'], ta: ['TA placement', 'TA placements'] };

/** "16,494 cases", "1 TA placement". */
export function countOfHousingList(list: HousingList, n: number): string {
  return `${countForPeople(n)} ${nouns[list][n === 1 ? 0 : 1]}`;
}

/** "16,494 cases and 3,181 TA placements". */
export function housingWorkbookHolds(rows: Readonly<Record<HousingList, number>>): string {
  return inWordsList(housingLists.map((l) => countOfHousingList(l, rows[l])));
}

function describeImport(from: HousingImportFrom): string {
  return 'pasted' in from ? `the paste into the ${inWordsList(from.lists.map((l) => housingCatalogue[l].name.toLowerCase()))}` : `the import of ${inWordsList(from.files)}`;
}

// The workbook's report after a replacement: the replaced lists' counts and issues from this import, the
// others' as they were; and the TA placements without a case counted against the case list the workbook
// holds afterwards, whichever list came when.
function mergedReport(old: HousingImportReport | null, incoming: HousingImportReport, replaced: readonly HousingList[], whole: HousingDataset): HousingImportReport {
  const from = (list: HousingList) => (replaced.includes(list) || !old ? incoming : old);
  const issues = [...incoming.issues.filter((i) => i.list === null), ...housingLists.flatMap((l) => from(l).issues.filter((i) => i.list === l && !isTaWithoutCaseNote(i)))];
  const note = taWithoutCaseNote(whole.ta, whole.cases, from('ta').ta.foundIn, whole.extracts[0]?.windowStart ?? null);
  return { cases: from('cases').cases, ta: from('ta').ta, issues: note ? [...issues, note] : issues };
}

// Both lists are one export: one extract. The case list says where the export starts; kept when only the TA list comes.
function mergedDataset(old: HousingDataset, incoming: HousingDataset, replaced: readonly HousingList[]): HousingDataset {
  const next = incoming.extracts[0];
  const before = old.extracts[0];
  const extract = next ? { ...next, ...(replaced.includes('cases') ? {} : before?.windowStart ? { windowStart: before.windowStart } : {}) } : before;
  return { service: 'housing', extracts: extract ? [extract] : [], cases: incoming.cases, ta: incoming.ta };
}

interface Pending {
  token: string;
  file: string;
  result: HousingImportResult;
  from: HousingImportFrom;
}

export interface HousingSettled {
  outcome: HousingImportOutcome;
  workbookReport: HousingImportReport | null;
}

export function housingListImports(options: { now: () => Date; demoTitle: string; untitled: string }) {
  let pending: Pending | null = null;

  function replace(store: WorkbookStore, result: HousingImportResult, from: HousingImportFrom, lists: HousingList[]): HousingSettled {
    const info = store.info();
    const { report: oldReport, dataset: old } = store.readHousingLists();
    // Over the demo, both made-up lists go, so they never mix with the analyst's own.
    const replaced = info.isDemo ? [...housingLists] : lists;
    const dataset = mergedDataset(old, result.dataset, replaced);
    const whole = { ...dataset, cases: replaced.includes('cases') ? dataset.cases : old.cases, ta: replaced.includes('ta') ? dataset.ta : old.ta };
    const report = mergedReport(info.isDemo ? null : oldReport, result.report, replaced, whole);
    const changeId = store.changeHousingLists({
      lists: replaced,
      dataset,
      report,
      description: describeImport(from),
      madeAt: options.now().toISOString(),
      ...(info.isDemo ? { workbook: { isDemo: false, title: info.title === options.demoTitle ? options.untitled : info.title } } : {}),
    });
    const names = info.isDemo ? 'the demo’s made-up lists with yours' : `the ${inWordsList(replaced.map((l) => housingCatalogue[l].name.toLowerCase()))}`;
    return {
      outcome: { kind: 'replaced', changeId, lists: replaced, message: `Replaced ${names}. The workbook now holds ${housingWorkbookHolds(store.housingRowCounts())}. Undo takes it back.` },
      workbookReport: report,
    };
  }

  return {
    /** Replaces what the import brings, or asks first, or changes nothing and says why. */
    settle(store: WorkbookStore, result: HousingImportResult, from: HousingImportFrom, replaceWithoutAsking: readonly HousingList[]): HousingSettled {
      pending = null;
      const rows = store.housingRowCounts();
      const usable = housingLists.filter((l) => result.dataset[l].length > 0);
      if (usable.length === 0) {
        const what = 'pasted' in from ? 'none of the rows you pasted could be used (the rows that need a look are listed below)' : `no case list or TA list with a usable row was found in ${inWordsList(from.files)} (what was found is listed below)`;
        const holds = rows.cases + rows.ta > 0 ? `it still holds ${housingWorkbookHolds(rows)}` : 'it holds no lists yet';
        return { outcome: { kind: 'unchanged', message: `Nothing was imported: ${what}. The workbook is unchanged: ${holds}.` }, workbookReport: store.readHousingLists().report };
      }
      const asking = store.info().isDemo ? [] : usable.filter((l) => rows[l] > 0 && !replaceWithoutAsking.includes(l));
      if (asking.length > 0) {
        const replacing = usable.filter((l) => rows[l] > 0).map((list) => ({ list, inWorkbook: rows[list], incoming: result.dataset[list].length }));
        pending = { token: randomBytes(16).toString('hex'), file: store.file, result, from };
        const old = inWordsList(replacing.map((r) => countOfHousingList(r.list, r.inWorkbook)));
        const incoming = inWordsList(replacing.map((r) => countOfHousingList(r.list, r.incoming)));
        const question = `Replace the ${old} in this workbook with the ${incoming} ${'pasted' in from ? 'you pasted' : `read from ${inWordsList(from.files)}`}?`;
        return { outcome: { kind: 'confirm', token: pending.token, replacing, question }, workbookReport: store.readHousingLists().report };
      }
      return replace(store, result, from, usable);
    },

    /** The person said yes: replace what the waiting import brings. */
    confirm(store: WorkbookStore, token: string): HousingSettled & { result: HousingImportResult } {
      const waiting = pending;
      pending = null;
      if (!waiting || waiting.token !== token || waiting.file !== store.file) {
        throw new Error('That import is no longer waiting (the workbook changed since it was read). Paste or import the list again.');
      }
      const usable = housingLists.filter((l) => waiting.result.dataset[l].length > 0);
      return { ...replace(store, waiting.result, waiting.from, usable), result: waiting.result };
    },

    /** Anything else changing the workbook ends the wait. */
    forget(): void {
      pending = null;
    },
  };
}
