import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseDelimitedRows } from '../../../shared/import/text/delimited.ts';
import { columnToName, type ImportIssue } from '../../../shared/import/report.ts';

const rowHeight = 28;
const visibleRows = 12;
// Annex A's List 8 has 34 columns in the template; exports often add a few.
const maxColumns = 40;

/** One issue as the row's mark says it: the column it is about (named once), then what is wrong. */
function issueOnRow(issue: ImportIssue<string>): string {
  const column = columnToName(issue);
  return column ? `${column}: ${issue.message}` : issue.message;
}

/**
 * New rows: pasted (all the grid's rows replaced, with the text they were read from) or edited (a cell
 * changed, a row deleted).
 */
export type OnGridRows = (rows: string[][], how: 'paste' | 'edit', pastedText?: string) => void;

export interface CellPosition {
  row: number;
  column: number;
}

// A spreadsheet-like grid for one list: Ctrl+V of rows copied from Excel, arrow keys, Enter to edit a
// cell, Delete to remove a row. Only the rows in view are drawn, so 100,000 rows scroll smoothly.
export function PasteGrid({ label, rows, issues, onRows, onEmptyPaste, active, onActive }: {
  label: string;
  rows: string[][];
  issues: readonly ImportIssue<string>[];
  onRows: OnGridRows;
  /** Ctrl+V with nothing on the clipboard but blanks. */
  onEmptyPaste: () => void;
  active: CellPosition | null;
  onActive: (position: CellPosition | null) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const issuesByRow = new Map<number, ImportIssue<string>[]>();
  for (const issue of issues) if (issue.row !== null) issuesByRow.set(issue.row, [...(issuesByRow.get(issue.row) ?? []), issue]);

  // Keep the active cell in view (also when an issue in the list asks to show its row).
  useEffect(() => {
    const el = scroller.current;
    if (!el || !active) return;
    const top = active.row * rowHeight;
    if (top < el.scrollTop || top > el.scrollTop + rowHeight * (visibleRows - 1)) el.scrollTop = Math.max(0, top - rowHeight * 3);
    // And sideways: the cell an issue is about may be far to the right.
    const cell = el.querySelector<HTMLElement>('.grid-row .grid-cell');
    const start = cell?.offsetLeft ?? 0;
    const width = cell?.offsetWidth ?? 144;
    const left = start + active.column * width;
    if (left < el.scrollLeft + start || left + width > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, left - start);
  }, [active]);

  const columns = Math.min(maxColumns, Math.max(1, ...rows.slice(0, 200).map((r) => r.length)));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 3);
  const last = Math.min(rows.length, first + visibleRows + 6);

  const move = (dr: number, dc: number) => {
    const at = active ?? { row: 0, column: 0 };
    onActive({ row: Math.min(Math.max(0, at.row + dr), Math.max(0, rows.length - 1)), column: Math.min(Math.max(0, at.column + dc), columns - 1) });
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const keys: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], PageDown: [visibleRows, 0], PageUp: [-visibleRows, 0] };
    if (keys[event.key]) {
      event.preventDefault();
      move(...keys[event.key]!);
    } else if ((event.key === 'Enter' || event.key === 'F2') && active && rows[active.row]) {
      event.preventDefault();
      setEditing(rows[active.row]![active.column] ?? '');
    } else if (event.key === 'Delete' && active && rows.length) {
      event.preventDefault();
      onRows(rows.filter((_, i) => i !== active.row), 'edit');
      onActive(rows.length > 1 ? { row: Math.min(active.row, rows.length - 2), column: active.column } : null);
    }
  };
  const commit = (value: string) => {
    if (!active) return;
    const next = rows.map((r, i) => (i === active.row ? Object.assign([...r], { [active.column]: value }) : r));
    setEditing(null);
    onRows(next, 'edit');
  };

  return (
    <div className="paste-grid-wrap">
      <div
        ref={scroller}
        className="paste-grid"
        role="grid"
        aria-label={`${label}: paste rows from Excel here with Ctrl+V`}
        aria-rowcount={rows.length}
        aria-colcount={columns}
        tabIndex={0}
        onKeyDown={onKey}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onPaste={(event) => {
          const text = event.clipboardData.getData('text/plain');
          event.preventDefault();
          const pasted = parseDelimitedRows(text).rows;
          if (pasted.every((r) => r.every((c) => c.trim() === ''))) {
            onEmptyPaste();
            return;
          }
          onRows(pasted, 'paste', text);
          onActive({ row: 0, column: 0 });
        }}
      >
        {rows.length === 0 ? (
          <div role="row">
            <p role="gridcell" className="grid-empty">
              Click here and press Ctrl+V to paste the rows you copied from Excel, with or without the header row.
            </p>
          </div>
        ) : (
          <div role="rowgroup" style={{ height: rows.length * rowHeight, position: 'relative' }}>
            {rows.slice(first, last).map((row, k) => {
              const index = first + k;
              const rowIssues = issuesByRow.get(index + 1) ?? [];
              const severity = rowIssues.some((i) => i.severity === 'error') ? 'error' : rowIssues.length ? 'warning' : '';
              return (
                <div role="row" aria-rowindex={index + 1} key={index} className={`grid-row ${severity}`} style={{ top: index * rowHeight }}>
                  <span role="rowheader" className="grid-number">
                    {index + 1}
                  </span>
                  <span className="grid-issue" title={rowIssues.map(issueOnRow).join('\n')}>
                    {severity === 'error' ? 'Rejected' : severity === 'warning' ? 'Check' : ''}
                  </span>
                  {Array.from({ length: columns }, (_, c) => {
                    const isActive = active?.row === index && active.column === c;
                    return (
                      <span role="gridcell" aria-colindex={c + 1} aria-selected={isActive} key={c} className={`grid-cell${isActive ? ' active' : ''}`} onClick={() => onActive({ row: index, column: c })}>
                        {isActive && editing !== null ? (
                          <input
                            aria-label={`Row ${index + 1}, column ${c + 1}`}
                            autoFocus
                            value={editing}
                            onChange={(e) => setEditing(e.target.value)}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') commit(editing);
                              if (e.key === 'Escape') setEditing(null);
                            }}
                            onBlur={() => commit(editing)}
                          />
                        ) : (
                          row[c] ?? ''
                        )}
                      </span>
                    );
                  })}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
