import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { WorkbookBridge } from '../../../../shared/contracts/bridge.ts';
import type { Ssda903ImportResponse, Ssda903ReportJson, WorkbookSummary } from '../../../../shared/contracts/schemas.ts';
import { collectionYear, returnsInWords } from '../../../../shared/import/ssda903/returns-words.ts';
import type { ListCounts } from '../../../../shared/import/report.ts';
import { WorkProgressBar } from '../../components/WorkProgressBar.tsx';
import { ListIssues } from './ListIssues.tsx';
import { ReplaceQuestion } from './ReplaceQuestion.tsx';
import { readChosenFiles, readDroppedFiles, type ReturnsFile } from './returns-files.ts';

/** What the card said, and what the workbook held of the returns then: said no more once that changes by other means. */
type Said = { kind: 'done' | 'unchanged'; message: string; heldKey: string };

/** What the workbook holds of the returns, and its last change: what the card said stays true while this does. */
const heldKeyOf = (workbook: WorkbookSummary) => `${JSON.stringify(workbook.returns ?? null)}|${workbook.undo ?? ''}`;

const counted = (c: ListCounts) =>
  `${c.rowsAccepted.toLocaleString('en-GB')} accepted, ${c.rowsRejected.toLocaleString('en-GB')} rejected, ${c.rowsBlank.toLocaleString('en-GB')} blank of ${c.rowsRead.toLocaleString('en-GB')} rows read.`;

// The fourth card of the Data step: the children looked after returns, by folder (one subfolder a year),
// zip or single CSV files, chosen or dropped. The desktop app uses its own file dialog (the backend reads
// what was chosen); the browser version reads the files in the window and sends their bytes. What the last
// import read is shown until the workbook's returns change by other means (Undo, another workbook); then
// the report kept in the workbook is shown.
export function Ssda903Card({ bridge, workbook, stored, appDialog, onImported }: {
  bridge: WorkbookBridge;
  workbook: WorkbookSummary;
  /** What the import of the returns the workbook holds read (kept in the workbook). */
  stored: Ssda903ReportJson | null;
  /** True in the desktop app: its own dialog chooses folders and files. */
  appDialog: boolean;
  onImported: (workbook: WorkbookSummary) => void;
}) {
  const heldKey = heldKeyOf(workbook);
  const [read, setRead] = useState<{ report: Ssda903ReportJson; heldKey: string } | null>(null);
  const [asking, setAsking] = useState<{ question: string; token: string; keeps: string } | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'working' | 'failed'; message?: string }>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);

  // Another workbook: nothing said here belongs to it.
  useEffect(() => {
    setRead(null);
    setAsking(null);
    setSaid(null);
  }, [workbook.createdAt]);

  const settle = (response: Ssda903ImportResponse) => {
    const outcome = response.outcome;
    if (outcome.kind === 'cancelled') return;
    if (response.report) setRead({ report: response.report, heldKey: heldKeyOf(response.workbook) });
    if (outcome.kind === 'confirm') {
      setAsking({ question: outcome.question, token: outcome.token, keeps: `Nothing was replaced: the workbook keeps its ${workbook.returns ? returnsInWords(workbook.returns) : 'returns'}.` });
    } else {
      setSaid({ kind: outcome.kind === 'replaced' ? 'done' : 'unchanged', message: outcome.message, heldKey: heldKeyOf(response.workbook) });
    }
    onImported(response.workbook);
  };

  const call = async (work: () => Promise<Ssda903ImportResponse>) => {
    setAsking(null);
    setSaid(null);
    setStatus({ kind: 'working' });
    try {
      const response = await work();
      setStatus({ kind: 'idle' });
      settle(response);
    } catch (err) {
      setStatus({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const importFiles = (files: Promise<ReturnsFile[]>) =>
    call(async () => {
      const read = await files;
      if (read.length === 0) throw new Error('no files were found in what was given.');
      return bridge.importSsda903({ source: { kind: 'files', files: read } });
    });

  const choose = (what: 'folder' | 'files') => {
    if (appDialog) void call(() => bridge.importSsda903({ source: { kind: 'choose', what } }));
    else (what === 'folder' ? folderInput : filesInput).current?.click();
  };

  const answer = async (replace: boolean) => {
    const waiting = asking;
    if (!waiting) return;
    setAsking(null);
    if (replace) await call(() => bridge.confirmSsda903Import({ token: waiting.token }));
    else setSaid({ kind: 'unchanged', message: waiting.keeps, heldKey });
  };

  // The last import's report while the workbook holds what it left; else the workbook's own.
  const report = read && read.heldKey === heldKey ? read.report : stored;
  const issues = (report?.issues ?? []).filter((i) => i.severity !== 'info');
  const notes = (report?.issues ?? []).filter((i) => i.severity === 'info');

  return (
    <section
      className={`list-panel returns-card${dragging ? ' dragging' : ''}`}
      aria-labelledby="list-ssda903"
      onDragOver={(e: DragEvent) => {
        e.preventDefault();
        e.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e: DragEvent) => {
        // Dropped here, the files are returns, not Annex A lists: the Data step's own drop must not see them.
        e.preventDefault();
        e.stopPropagation();
        setDragging(false);
        if (e.dataTransfer.items.length || e.dataTransfer.files.length) void importFiles(readDroppedFiles(e.dataTransfer));
      }}
    >
      <h2 id="list-ssda903">Children in care returns (SSDA903)</h2>
      <p className="hint">
        The children looked after returns you sent the DfE: a folder with one subfolder a year (each with its header and episodes tables), a zip of that folder, or single CSV files. They give every
        placement and move over the years; Annex A lists add referrals, plans and the months since the last return.
      </p>
      <div className="row-of-buttons">
        <button type="button" onClick={() => choose('folder')}>
          Choose a folder of returns…
        </button>
        <button type="button" onClick={() => choose('files')}>
          Choose a zip or CSV files…
        </button>
        <span className="hint beside-buttons">or drop them on this card.</span>
      </div>
      {!appDialog && (
        <>
          <input
            ref={folderInput}
            type="file"
            multiple
            {...{ webkitdirectory: '' }}
            className="visually-hidden"
            aria-label="Choose a folder of SSDA903 returns"
            onChange={(e) => {
              if (e.target.files?.length) void importFiles(readChosenFiles(e.target.files)).finally(() => (e.target.value = ''));
            }}
          />
          <input
            ref={filesInput}
            type="file"
            multiple
            accept=".zip,.csv,.tsv,.txt"
            className="visually-hidden"
            aria-label="Choose SSDA903 zip or CSV files"
            onChange={(e) => {
              if (e.target.files?.length) void importFiles(readChosenFiles(e.target.files)).finally(() => (e.target.value = ''));
            }}
          />
        </>
      )}
      <div role="status" aria-live="polite">
        {status.kind === 'working' && <p className="notice">Reading the returns…</p>}
      </div>
      <WorkProgressBar bridge={bridge} active={status.kind === 'working'} />
      {status.kind === 'failed' && (
        <p className="problem" role="alert">
          The returns could not be imported: {status.message}
        </p>
      )}
      {asking && (
        <ReplaceQuestion
          question={asking.question}
          hint="Your Annex A lists stay as they are. Undo brings the replaced returns back, even after the workbook is closed and opened again."
          onReplace={() => void answer(true)}
          onKeep={() => void answer(false)}
        />
      )}
      {said && said.heldKey === heldKey && (
        <p className={said.kind === 'done' ? 'notice' : 'problem'} role="status">
          {said.message}
        </p>
      )}
      {report?.episodes.present && (
        <p className="counts" data-list="episodes">
          Episodes: {counted(report.episodes)}
        </p>
      )}
      {report && report.episodes.duplicates > 0 && (
        <p className="hint">
          {report.episodes.duplicates.toLocaleString('en-GB')} of the episodes accepted repeat another (the same child and start date): mostly a child in care on 31 March, who is in the next year’s return too. The later return is kept, so each episode is counted once.
        </p>
      )}
      {report?.header.present && (
        <p className="counts" data-list="header">
          Header: {counted(report.header)}
        </p>
      )}
      <p className="in-workbook" data-list="ssda903">
        In this workbook: {workbook.returns ? `${returnsInWords(workbook.returns)}.` : 'no SSDA903 returns.'}
      </p>
      {report && report.returns.length > 0 && (
        <p className="hint">
          Returns read: {report.returns.map((r) => `${collectionYear(r.yearEnding)} (${r.folder || r.files[0]})`).join('; ')}.
        </p>
      )}
      {notes.length > 0 && (
        <details className="issues">
          <summary>What was found in the files ({notes.length})</summary>
          <ul>
            {notes.map((n, k) => (
              <li key={k} className="info">
                {n.file ? `${n.file}: ` : ''}
                {n.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ListIssues issues={issues} onShow={null} withFile />
    </section>
  );
}
