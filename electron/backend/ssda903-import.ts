// What an import of SSDA903 returns does to the open workbook: it replaces the returns it holds (as a whole:
// overlapping years are merged within one import, never across two), asks first where the workbook already
// holds returns, and changes nothing when no episode could be used. Into the demo, the returns replace the
// demo's made-up lists too: they never mix with an analyst's own. Every replacement is one change that
// Undo takes back, even after a reload.
import { randomBytes } from 'node:crypto';
import type { Ssda903Outcome } from '../../shared/contracts/schemas.ts';
import type { Ssda903Import } from '../../shared/import/ssda903/import-ssda903.ts';
import { inWordsList } from '../../shared/import/list-words.ts';
import { returnsInWords } from '../../shared/import/ssda903/returns-words.ts';
import type { WorkbookStore } from './storage/workbook-store.ts';
import type { ReturnsHeld } from './storage/ssda903-tables.ts';

interface Pending {
  token: string;
  file: string;
  returns: Ssda903Import;
  files: string[];
}

/** The counts of an import as the workbook would hold them. */
export function heldOf(returns: Ssda903Import): ReturnsHeld | null {
  const years = returns.extracts.map((e) => e.extractDate).sort();
  if (years.length === 0) return null;
  return {
    returns: returns.extracts.length,
    episodes: returns.placements.length,
    children: new Set(returns.placements.map((p) => p.child)).size,
    firstYearEnding: years[0]!,
    lastYearEnding: years.at(-1)!,
  };
}

export const describeReturnsImport = (files: readonly string[]) => `the import of the SSDA903 returns from ${inWordsList(files)}`;

export function ssda903Imports(options: { now: () => Date; untitled: string; demoTitle: string }) {
  let pending: Pending | null = null;

  function replace(store: WorkbookStore, returns: Ssda903Import, files: string[]): Ssda903Outcome {
    const info = store.info();
    const description = describeReturnsImport(files);
    const madeAt = options.now().toISOString();
    const changeId = info.isDemo
      ? store.changeLists({
          lists: ['referrals', 'cpp', 'cla'],
          dataset: { extracts: [], referrals: [], cpp: [], cla: [] },
          report: null,
          returns,
          description,
          madeAt,
          workbook: { isDemo: false, title: info.title === options.demoTitle ? options.untitled : info.title },
        })
      : store.changeLists({ lists: [], dataset: { extracts: store.readExtracts(), referrals: [], cpp: [], cla: [] }, report: store.readReport(), returns, description, madeAt });
    const held = store.returnsHeld();
    const what = held ? returnsInWords(held) : 'no placement episodes';
    const demo = info.isDemo ? ' They replace the demo’s made-up lists.' : '';
    return { kind: 'replaced', changeId, message: `Imported the SSDA903 returns: ${what}.${demo} Undo takes it back.` };
  }

  return {
    settle(store: WorkbookStore, returns: Ssda903Import, files: string[]): Ssda903Outcome {
      pending = null;
      const incoming = heldOf(returns);
      if (returns.report.episodes.rowsAccepted === 0 || !incoming) {
        const held = store.returnsHeld();
        const keeps = held ? `it still holds ${returnsInWords(held)}` : 'it holds no SSDA903 returns';
        return { kind: 'unchanged', message: `Nothing was imported: no usable SSDA903 episode was found in ${inWordsList(files)} (what was found is listed below). The workbook is unchanged: ${keeps}.` };
      }
      const held = store.returnsHeld();
      if (held && !store.info().isDemo) {
        pending = { token: randomBytes(16).toString('hex'), file: store.file, returns, files };
        return { kind: 'confirm', token: pending.token, question: `This workbook already holds SSDA903 returns: ${returnsInWords(held)}. Replace them with the ${returnsInWords(incoming)}, read from ${inWordsList(files)}?` };
      }
      return replace(store, returns, files);
    },

    confirm(store: WorkbookStore, token: string): { outcome: Ssda903Outcome; returns: Ssda903Import } {
      const waiting = pending;
      pending = null;
      if (!waiting || waiting.token !== token || waiting.file !== store.file) {
        throw new Error('That import is no longer waiting (the workbook changed since it was read). Import the returns again.');
      }
      return { outcome: replace(store, waiting.returns, waiting.files), returns: waiting.returns };
    },

    forget(): void {
      pending = null;
    },
  };
}
