// The lists in the words an analyst uses when the app says what it holds, asks before replacing a list, or
// says what an import or an undo did. Figures go through people-format.
import { countForPeople } from '../text/people-format.ts';
import type { ListId } from './list-catalogue.ts';

const nouns: Record<ListId, [string, string]> = {
  referrals: ['referral', 'referrals'],
  cpp: ['child protection plan', 'child protection plans'],
  cla: ['period of care', 'periods of care'],
};

/** "1,498 child protection plans", "1 period of care". */
export function countOfList(list: ListId, n: number): string {
  return `${countForPeople(n)} ${nouns[list][n === 1 ? 0 : 1]}`;
}

/** "a, b and c". */
export function inWordsList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "12,656 referrals, 1,498 child protection plans and 870 periods of care". */
export function workbookHolds(rows: Readonly<Record<ListId, number>>): string {
  return inWordsList((['referrals', 'cpp', 'cla'] as const).map((l) => countOfList(l, rows[l])));
}

export interface Replacement {
  list: ListId;
  /** Rows the workbook holds now. */
  inWorkbook: number;
  /** Rows the import would put in their place. */
  incoming: number;
}

/**
 * The question asked before a list with rows is replaced: "Replace the 1,498 child protection plans in this
 * workbook with the 488 rows you pasted?"
 */
export function replaceQuestion(replacing: readonly Replacement[], from: { pasted: true } | { files: readonly string[] }): string {
  const old = inWordsList(replacing.map((r) => countOfList(r.list, r.inWorkbook)));
  const total = replacing.reduce((sum, r) => sum + r.incoming, 0);
  const incoming =
    'pasted' in from
      ? `the ${countForPeople(total)} ${total === 1 ? 'row' : 'rows'} you pasted`
      : `the ${inWordsList(replacing.map((r) => countOfList(r.list, r.incoming)))} read from ${inWordsList(from.files)}`;
  return `Replace the ${old} in this workbook with ${incoming}?`;
}
