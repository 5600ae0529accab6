// The parts the children's services and the housing Data steps share: the page that takes dropped files,
// the row of Import, Undo and Redo, what an import asks or said, and a list's row counts.
import { useRef, type DragEvent, type ReactNode, type Ref } from 'react';
import type { ListCounts } from '../../../../shared/import/report.ts';
import { ReplaceQuestion } from './ReplaceQuestion.tsx';

/** The Data step's page: files dropped anywhere on it are imported. */
export function DropFiles({ onFiles, children }: { onFiles: (files: FileList) => void; children: ReactNode }) {
  return (
    <div
      className="data-step"
      onDragOver={(e: DragEvent) => e.preventDefault()}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        if (e.dataTransfer.files.length) onFiles(e.dataTransfer.files);
      }}
    >
      {children}
    </div>
  );
}

/** Where an import's question (replace or keep) and what it did are shown: at the top, or at a list. */
export function AskedAndSaid({ asking, said, onAnswer, hint }: {
  asking: { question: string } | null;
  said: { kind: 'done' | 'unchanged'; message: string } | null;
  onAnswer: (replace: boolean) => void;
  hint?: string;
}) {
  return (
    <>
      {asking && <ReplaceQuestion question={asking.question} onReplace={() => onAnswer(true)} onKeep={() => onAnswer(false)} {...(hint ? { hint } : {})} />}
      {said && (
        <p className={said.kind === 'done' ? 'notice' : 'problem'} role="status">
          {said.message}
        </p>
      )}
    </>
  );
}

/** The row above a Data step's lists: import files, Undo and Redo of the last replacement, and what they would take back or make again. */
export function ListsToolbar({ chooseLabel, onFiles, undo, redo, onUndo, onRedo, importButton }: {
  /** The file input's accessible name: which lists to choose. */
  chooseLabel: string;
  onFiles: (files: FileList) => Promise<void>;
  undo: string | null;
  redo: string | null;
  onUndo: () => void;
  onRedo: () => void;
  importButton?: Ref<HTMLButtonElement>;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
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
        aria-label={chooseLabel}
        onChange={(e) => {
          if (e.target.files) void onFiles(e.target.files).finally(() => (e.target.value = ''));
        }}
      />
      <button type="button" disabled={!undo} aria-describedby={undo ? 'undo-what' : undefined} onClick={onUndo}>
        Undo
      </button>
      <button type="button" disabled={!redo} aria-describedby={redo ? 'redo-what' : undefined} onClick={onRedo}>
        Redo
      </button>
      {(undo || redo) && (
        <span className="hint">
          {undo && <span id="undo-what">Undo takes back {undo}. </span>}
          {redo && <span id="redo-what">Redo makes {redo} again.</span>}
        </span>
      )}
    </div>
  );
}

/** "12 accepted, 1 rejected, 0 blank of 13 rows read." for one list. */
export function RowCounts({ list, counts }: { list: string; counts: ListCounts }) {
  const n = (x: number) => x.toLocaleString('en-GB');
  return (
    <p className="counts" data-list={list}>
      {`${n(counts.rowsAccepted)} accepted, ${n(counts.rowsRejected)} rejected, ${n(counts.rowsBlank)} blank of ${n(counts.rowsRead)} rows read.`}
    </p>
  );
}

/** Notes on the files and sheets as a whole (a sheet that held no list, a file that could not be read), open when one is an error. */
export function FileNotes({ title, notes }: { title: string; notes: readonly { severity: string; message: string }[] }) {
  if (notes.length === 0) return null;
  return (
    <details className="issues" open={notes.some((n) => n.severity === 'error')}>
      <summary>
        {title} ({notes.length})
      </summary>
      <ul>
        {notes.map((n, k) => (
          <li key={k} className={n.severity}>
            {n.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Rows pasted into one list's grid whose header row names another list's columns: offered to that list, never moved silently. */
export function OtherListNotice({ other, here, onMove }: { other: string; here: string; onMove: () => void }) {
  return (
    <div className="notice" role="status">
      <p>
        These rows look like {other}: their header row names that list’s columns, so they were not added to {here}.
      </p>
      <button type="button" onClick={onMove}>
        Put them in {other}
      </button>
    </div>
  );
}
