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
