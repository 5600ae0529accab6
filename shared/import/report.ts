// What import tells the user: for each list, every row read accounted for, and each issue with the place
// it was found, in the words an analyst would use.
import type { ListId } from './list-catalogue.ts';

export interface ListCounts {
  present: boolean;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsBlank: number;
  /** Accepted rows that repeated another row (same child and key date) and were merged into it. */
  duplicates: number;
  /** Where the list was found: "file › sheet". */
  foundIn: string[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface ImportIssue<L extends string = ListId> {
  list: L | null;
  file: string;
  sheet: string | null;
  /** The row number the user sees in Excel (or the line of a CSV or pasted text). */
  row: number | null;
  column: string | null;
  severity: Severity;
  /** What is wrong, said after the column where there is one ("Date of referral: missing, so ..."). */
  message: string;
}

export interface ImportReport {
  referrals: ListCounts;
  cpp: ListCounts;
  cla: ListCounts;
  issues: ImportIssue[];
}

export function emptyCounts(): ListCounts {
  return { present: false, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsBlank: 0, duplicates: 0, foundIn: [] };
}

/**
 * The column to name before an issue's message wherever the two are shown together, or null when there is
 * no column or the message names it already: a list that lacks the column ("has no "DECOM" column"), a
 * note on a whole column ("Date of referral in List 3 ... was read day first"), or a report saved before
 * row messages stopped starting with their column ("Date of referral: ..."). So the column is said once.
 */
export function columnToName(issue: Pick<ImportIssue<string>, 'column' | 'message'>): string | null {
  const column = issue.column?.trim();
  if (!column) return null;
  const name = column.toLowerCase();
  const message = issue.message.toLowerCase();
  const startsWithIt = message.startsWith(name) && !/[\p{L}\p{N}]/u.test(message.charAt(name.length));
  return startsWithIt || message.includes(`"${name}"`) ? null : column;
}
