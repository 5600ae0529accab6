import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import type { DateOrderAnswer, DateQuestion, WorkbookSummary } from '../../../shared/contracts/schemas.ts';
import type { ListId } from '../../../shared/import/list-catalogue.ts';
import { formatDelimited } from '../../../shared/import/text/delimited.ts';
import type { ImportReport } from '../../../shared/import/report.ts';
import { DateOrderQuestion, mergeDateAnswers } from '../components/DateOrderQuestion.tsx';
import { PasteGrid, type CellPosition } from '../components/PasteGrid.tsx';
import { WorkProgressBar } from '../components/WorkProgressBar.tsx';

const lists: ReadonlyArray<{ id: ListId; label: string; hint: string }> = [
  { id: 'referrals', label: 'Referrals (List 3)', hint: 'One row per referral in the six months before the extract.' },
  { id: 'cpp', label: 'Child protection (List 7)', hint: 'Everyone on a plan at the extract date, and plans that ended in the six months before.' },
  { id: 'cla', label: 'Children in care (List 8)', hint: 'Everyone looked after at the extract date, and those who left in the six months before.' },
];

type Grids = Record<ListId, string[][]>;
const empty: Grids = { referrals: [], cpp: [], cla: [] };


function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// The analyst's lists: pasted rows stay in this window only (raw IDs never leave it unpseudonymised);
// each change is imported at once, and the workbook stores the pseudonymised result.
export function DataStep({ bridge, workbook, report, onImported, importRequests }: {
  bridge: WorkbookBridge;
  workbook: WorkbookSummary;
  report: ImportReport | null;
  onImported: (workbook: WorkbookSummary, report: ImportReport) => void;
  /** Counts File > Import lists: each time it changes, the import button takes the focus. */
  importRequests: number;
}) {
  const [grids, setGrids] = useState<Grids>(empty);
  const undo = useRef<Grids[]>([]);
  const redo = useRef<Grids[]>([]);
  const [active, setActive] = useState<Record<ListId, CellPosition | null>>({ referrals: null, cpp: null, cla: null });
  const [status, setStatus] = useState<{ kind: 'idle' | 'working' | 'failed'; message?: string }>({ kind: 'idle' });
  const [extractDate, setExtractDate] = useState('');
  const extractDateId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (importRequests > 0) importButton.current?.focus();
  }, [importRequests]);

  // Date columns that read two ways are asked about; the answers go with every later import.
  const [dateQuestions, setDateQuestions] = useState<DateQuestion[]>([]);
  const dateAnswers = useRef<DateOrderAnswer[]>([]);
  const lastSources = useRef<Parameters<WorkbookBridge['importLists']>[0]['sources']>([]);
  const importNow = useCallback(
    async (sources: Parameters<WorkbookBridge['importLists']>[0]['sources']) => {
      if (sources.length === 0) return;
      lastSources.current = sources;
      setStatus({ kind: 'working' });
      try {
        const response = await bridge.importLists({ sources, extractDate: /^\d{4}-\d{2}-\d{2}$/.test(extractDate) ? extractDate : null, dateOrders: dateAnswers.current });
        setDateQuestions(response.dateQuestions ?? []);
        // With a date question open nothing was stored: the lists wait for the answer.
        if (!response.dateQuestions?.length) onImported(response.workbook, response.report);
        setStatus({ kind: 'idle' });
      } catch (err) {
        // A cancelled import is not a failure: the progress bar says it was cancelled.
        if ((err as { code?: string }).code === 'cancelled') setStatus({ kind: 'idle' });
        else setStatus({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    },
    [bridge, onImported, extractDate],
  );
  const pastedSources = (from: Grids) => lists.filter((l) => from[l.id].length > 0).map((l) => ({ kind: 'pasted' as const, list: l.id, name: `Pasted ${l.label}`, text: formatDelimited(from[l.id]) }));

  const apply = (next: Grids, record = true) => {
    if (record) {
      undo.current.push(grids);
      redo.current = [];
    }
    setGrids(next);
    void importNow(pastedSources(next));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey && undo.current.length) {
        event.preventDefault();
        redo.current.push(grids);
        apply(undo.current.pop()!, false);
      } else if ((key === 'y' || (key === 'z' && event.shiftKey)) && redo.current.length) {
        event.preventDefault();
        undo.current.push(grids);
        apply(redo.current.pop()!, false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const importFiles = async (files: FileList | File[]) => {
    const sources = await Promise.all([...files].map(async (f) => ({ kind: 'file' as const, name: f.name, base64: base64(await f.arrayBuffer()) })));
    setGrids(empty);
    await importNow(sources);
  };

  const fileNotes = (report?.issues ?? []).filter((i) => i.list === null);
  const extractNote = fileNotes.find((i) => i.severity === 'info' && i.message.startsWith('No extract date'))?.message ?? null;
  // What happened to the files and sheets as a whole: a sheet that held no list, a file that could not
  // be read. Without these, a wrong file would seem to do nothing.
  const otherNotes = fileNotes.filter((i) => i.message !== extractNote);

  return (
    <div
      className="data-step"
      onDragOver={(e: DragEvent) => e.preventDefault()}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        if (e.dataTransfer.files.length) void importFiles(e.dataTransfer.files);
      }}
    >
      <div className="row-of-buttons">
        <button type="button" ref={importButton} onClick={() => fileInput.current?.click()}>
          Import workbook or CSV files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".xlsx,.xls,.xlsm,.ods,.csv,.tsv,.txt"
          className="visually-hidden"
          aria-label="Choose Annex A workbooks or CSV files to import"
          onChange={(e) => e.target.files && void importFiles(e.target.files)}
        />
        <button type="button" disabled={undo.current.length === 0} onClick={() => undo.current.length && (redo.current.push(grids), apply(undo.current.pop()!, false))}>
          Undo
        </button>
        <button type="button" disabled={redo.current.length === 0} onClick={() => redo.current.length && (undo.current.push(grids), apply(redo.current.pop()!, false))}>
          Redo
        </button>
      </div>
      <div className="row">
        <label htmlFor={extractDateId}>Date the lists were extracted (optional)</label>
        <input id={extractDateId} type="date" value={extractDate} onChange={(e) => setExtractDate(e.target.value)} onBlur={() => void importNow(pastedSources(grids))} />
      </div>
      {extractNote && <p className="hint">{extractNote}</p>}
      {otherNotes.length > 0 && (
        <details className="issues" open={otherNotes.some((n) => n.severity === 'error')}>
          <summary>What was found in the files ({otherNotes.length})</summary>
          <ul>
            {otherNotes.map((n, k) => (
              <li key={k} className={n.severity}>
                {n.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="hint">You can also drag files onto this page. Pasted rows stay in this window; the workbook keeps only what the model needs, with child IDs replaced by pseudonyms.</p>
      <div role="status" aria-live="polite">
        {status.kind === 'working' && <p className="notice">Checking and importing your rows…</p>}
      </div>
      <WorkProgressBar bridge={bridge} active={status.kind === 'working'} />
      <DateOrderQuestion
        questions={dateQuestions}
        onAnswer={(answers) => {
          dateAnswers.current = mergeDateAnswers(dateAnswers.current, answers);
          void importNow(lastSources.current);
        }}
        answered={dateAnswers.current}
        onAskAgain={() => {
          dateAnswers.current = [];
          void importNow(lastSources.current);
        }}
      />
      {status.kind === 'failed' && (
        <p className="problem" role="alert">
          The lists could not be imported: {status.message}
        </p>
      )}
      {lists.map((l) => {
        const counts = report?.[l.id];
        const issues = (report?.issues ?? []).filter((i) => i.list === l.id && i.severity !== 'info');
        return (
          <section key={l.id} className="list-panel" aria-labelledby={`list-${l.id}`}>
            <h2 id={`list-${l.id}`}>{l.label}</h2>
            <p className="hint">{l.hint}</p>
            <p className="counts" data-list={l.id}>
              {counts?.present
                ? `${counts.rowsAccepted.toLocaleString('en-GB')} accepted, ${counts.rowsRejected.toLocaleString('en-GB')} rejected, ${counts.rowsBlank.toLocaleString('en-GB')} blank of ${counts.rowsRead.toLocaleString('en-GB')} rows read.`
                : `${workbook.rows[l.id].toLocaleString('en-GB')} rows in the workbook.`}
            </p>
            {counts?.present && counts.foundIn.some((where) => where !== `Pasted ${l.label}`) && <p className="hint">Read from: {counts.foundIn.join('; ')}.</p>}
            <PasteGrid
              label={l.label}
              rows={grids[l.id]}
              issues={grids[l.id].length ? issues : []}
              onRows={(rows) => apply({ ...grids, [l.id]: rows })}
              active={active[l.id]}
              onActive={(position) => setActive({ ...active, [l.id]: position })}
            />
            {issues.length > 0 && (
              <details className="issues" open={issues.length <= 5}>
                <summary>
                  {issues.length} {issues.length === 1 ? 'row needs' : 'rows need'} a look
                </summary>
                <ul>
                  {issues.slice(0, 200).map((issue, k) => (
                    <li key={k} className={issue.severity}>
                      {issue.row !== null && grids[l.id].length > 0 && (
                        <button type="button" onClick={() => setActive({ ...active, [l.id]: { row: issue.row! - 1, column: 0 } })}>
                          Show row {issue.row}
                        </button>
                      )}{' '}
                      {issue.severity === 'error' ? 'Rejected' : 'Kept'}: {issue.sheet ? `${issue.sheet}, ` : ''}
                      {issue.row !== null ? `row ${issue.row}, ` : ''}
                      {issue.column ? `${issue.column}: ` : ''}
                      {issue.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}
