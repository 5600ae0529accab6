import { useState, type ReactNode } from 'react';
import type { ImportIssue, ListCounts } from '../../../../shared/import/report.ts';
import { PasteGrid, type CellPosition, type OnGridRows } from '../../components/PasteGrid.tsx';
import { ListIssues } from './ListIssues.tsx';
import { RowCounts } from './list-step-parts.tsx';

// One list on a Data step (children's services or housing): what the last import read and the workbook
// holds, the grid the rows are pasted into, and the list's issues, each of which can show its cell.
export function ListPanel<I extends ImportIssue<string>>({ list, label, hint, counts, inWorkbook, isPasted, rows, issues, columnOf, onRows, onEmptyPaste, children }: {
  list: string;
  label: string;
  hint: string;
  /** What the last import read of this list, if anything. */
  counts: ListCounts | undefined;
  /** How many rows the workbook holds, in words ("1,234 cases"). */
  inWorkbook: string;
  /** Whether a place the rows were found in is a grid of this window (not named under "Read from"). */
  isPasted: (where: string) => boolean;
  rows: string[][];
  /** The issues listed under the grid; marked in the grid while it has rows. */
  issues: readonly I[];
  /** The grid column an issue's column is in. */
  columnOf: (column: string | null) => number;
  onRows: OnGridRows;
  onEmptyPaste: () => void;
  /** Notes and notices on the list, and what an import asked or said here: shown above the grid. */
  children: ReactNode;
}) {
  const [active, setActive] = useState<CellPosition | null>(null);
  return (
    <section className="list-panel" aria-labelledby={`list-${list}`}>
      <h2 id={`list-${list}`}>{label}</h2>
      <p className="hint">{hint}</p>
      {counts?.present && <RowCounts list={list} counts={counts} />}
      <p className="in-workbook" data-list={list}>
        In this workbook: {inWorkbook}.
      </p>
      {counts?.present && counts.foundIn.some((where) => !isPasted(where)) && <p className="hint">Read from: {counts.foundIn.join('; ')}.</p>}
      {children}
      <PasteGrid label={label} rows={rows} issues={rows.length ? issues : []} onRows={onRows} onEmptyPaste={onEmptyPaste} active={active} onActive={setActive} />
      <ListIssues<I> issues={issues} onShow={rows.length > 0 ? (issue) => setActive({ row: issue.row! - 1, column: columnOf(issue.column) }) : null} />
    </section>
  );
}
