import { useEffect, useRef, useState } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import type { DateOrderAnswer, DateQuestion, ImportResponse, ListChangeResult, Ssda903ReportJson, WorkbookSummary } from '../../../shared/contracts/schemas.ts';
import type { ListId } from '../../../shared/import/list-catalogue.ts';
import { countOfList } from '../../../shared/import/list-words.ts';
import type { ImportIssue, ImportReport, ListCounts } from '../../../shared/import/report.ts';
import { DateField } from '../components/DateField.tsx';
import { columnOfIssue, otherListOfRows, pastedSource } from './data/grid-lists.ts';
import { ListPanel } from './data/ListPanel.tsx';
import { ImportProgress, useImportCall } from './data/import-status.tsx';
import { AskedAndSaid, DropFiles, FileNotes, ListsToolbar, OtherListNotice } from './data/list-step-parts.tsx';
import { afterPaint } from './data/after-paint.ts';
import { base64 } from './data/returns-files.ts';
import { Ssda903Card } from './data/Ssda903Card.tsx';

const lists: ReadonlyArray<{ id: ListId; label: string; hint: string }> = [
  { id: 'referrals', label: 'Referrals (List 3)', hint: 'One row per referral in the six months before the extract.' },
  { id: 'cpp', label: 'Child protection (List 7)', hint: 'Everyone on a plan at the extract date, and plans that ended in the six months before.' },
  { id: 'cla', label: 'Children in care (List 8)', hint: 'Everyone looked after at the extract date, and those who left in the six months before.' },
];
const labelOf = (list: ListId) => lists.find((l) => l.id === list)!.label;

type Grids = Record<ListId, string[][]>;
const empty: Grids = { referrals: [], cpp: [], cla: [] };
type FileSource = { kind: 'file'; name: string; base64: string };
type Sources = Parameters<WorkbookBridge['importLists']>[0]['sources'];
/** Where the rows of an import came from: grids of this window (their rows before and after), or files. */
type Origin = { kind: 'grids'; before: Partial<Grids>; after: Partial<Grids> } | { kind: 'files'; sources: FileSource[] };
/** Which of the workbook's lists this window put there: Undo and a new extract date act on them without asking. */
type Owners = Record<ListId, 'grid' | 'files' | null>;
type Said = { kind: 'done' | 'unchanged'; message: string; at: ListId | 'top' };
type ListNotice = { kind: 'empty' } | { kind: 'other-list'; list: ListId; rows: string[][] };

const validDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
const pasted = (list: ListId, rows: string[][], text?: string) => pastedSource(list, `Pasted ${labelOf(list)}`, rows, text);

// The analyst's lists: pasted rows stay in this window only (raw IDs never leave it unpseudonymised); each
// change to a grid is imported at once and replaces that list only, and the workbook stores the
// pseudonymised result. Replacing rows the workbook holds from elsewhere is asked first; every
// replacement can be undone, also after a reload, because the workbook file keeps the previous state.
export function DataStep({ bridge, workbook, report, returnsReport, appDialog, onImported, importRequests }: {
  bridge: WorkbookBridge;
  workbook: WorkbookSummary;
  /** The workbook's own import report. */
  report: ImportReport | null;
  /** What the import of the SSDA903 returns the workbook holds read. */
  returnsReport: Ssda903ReportJson | null;
  /** True in the desktop app: the returns are chosen in its own file dialog. */
  appDialog: boolean;
  onImported: (workbook: WorkbookSummary, report: ImportReport | null) => void;
  /** Counts File > Import lists: each time it changes, the import button takes the focus. */
  importRequests: number;
}) {
  const [grids, setGrids] = useState<Grids>(empty);
  const gridChanges = useRef(new Map<number, { before: Partial<Grids>; after: Partial<Grids> }>());
  const owners = useRef<Owners>({ referrals: null, cpp: null, cla: null });
  const lastFiles = useRef<FileSource[]>([]);
  // What the last imports read, per list (counts and issues), and the last import's notes on its files.
  const [read, setRead] = useState<Partial<Record<ListId, { counts: ListCounts; issues: ImportIssue[] }>>>({});
  const [lastReport, setLastReport] = useState<ImportReport | null>(null);
  const [asking, setAsking] = useState<{ question: string; token: string; origin: Origin; keeps: string; at: ListId | 'top' } | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const [notices, setNotices] = useState<Partial<Record<ListId, ListNotice>>>({});
  const { status, call } = useImportCall();
  const [extractDate, setExtractDate] = useState(workbook.extractDate ?? '');
  const importButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (importRequests > 0) importButton.current?.focus();
  }, [importRequests]);

  // Another workbook: nothing in this window belongs to it.
  useEffect(() => {
    setGrids(empty);
    gridChanges.current.clear();
    owners.current = { referrals: null, cpp: null, cla: null };
    lastFiles.current = [];
    setRead({});
    setLastReport(null);
    setAsking(null);
    setSaid(null);
    setNotices({});
    setExtractDate(workbook.extractDate ?? '');
  }, [workbook.createdAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const replaced = (origin: Origin, changeId: number, lists: readonly ListId[]) => {
    if (origin.kind === 'grids') {
      gridChanges.current.set(changeId, { before: origin.before, after: origin.after });
      for (const list of lists) owners.current[list] = 'grid';
    } else {
      lastFiles.current = origin.sources;
      // The grids no longer show what the workbook holds for these lists.
      setGrids((g) => ({ ...g, ...Object.fromEntries(lists.map((l) => [l, []])) }));
      for (const list of lists) owners.current[list] = 'files';
    }
  };

  // Date columns that read two ways are asked about; the answers go with every later import.
  const [dateQuestions, setDateQuestions] = useState<DateQuestion[]>([]);
  const dateAnswers = useRef<DateOrderAnswer[]>([]);
  const lastImport = useRef<{ sources: Sources; origin: Origin; replaceWithoutAsking: ListId[] } | null>(null);

  const settle = (response: ImportResponse | undefined, origin: Origin) => {
    if (!response) return;
    // With a date question open nothing was stored and nothing is counted yet: the lists wait for the answer.
    setDateQuestions(response.dateQuestions ?? []);
    if (response.dateQuestions?.length) return;
    const readNow = Object.fromEntries(
      lists.filter((l) => response.report[l.id].present).map((l) => [l.id, { counts: response.report[l.id], issues: response.report.issues.filter((i) => i.list === l.id) }]),
    );
    setRead((r) => ({ ...r, ...readNow }));
    setLastReport(response.report);
    const at: ListId | 'top' = origin.kind === 'grids' && Object.keys(origin.after).length === 1 ? (Object.keys(origin.after)[0] as ListId) : 'top';
    const outcome = response.outcome;
    if (outcome.kind === 'confirm') {
      const keeps = `Nothing was replaced: the workbook keeps its ${outcome.replacing.map((r) => countOfList(r.list, r.inWorkbook)).join(' and ')}.`;
      setAsking({ question: outcome.question, token: outcome.token, origin, keeps, at });
    } else if (outcome.kind === 'replaced') {
      replaced(origin, outcome.changeId, outcome.lists);
      setSaid({ kind: 'done', message: outcome.message, at });
    } else {
      setSaid({ kind: 'unchanged', message: outcome.message, at });
    }
    onImported(response.workbook, response.workbookReport);
  };

  /** A question left unanswered is a no: its pasted rows leave their grid (but for `pastingInto`), as the workbook never took them. */
  const dropQuestion = (pastingInto: Partial<Grids> = {}) => {
    if (asking?.origin.kind === 'grids') {
      const before = Object.fromEntries(Object.entries(asking.origin.before).filter(([list]) => !(list in pastingInto)));
      setGrids((g) => ({ ...g, ...before }));
    }
    setAsking(null);
  };

  const importNow = async (sources: Sources, origin: Origin, replaceWithoutAsking: ListId[], date = validDate(extractDate)) => {
    if (sources.length === 0) return;
    lastImport.current = { sources, origin, replaceWithoutAsking };
    dropQuestion(origin.kind === 'grids' ? origin.after : {});
    setSaid(null);
    settle(await call(() => bridge.importLists({ sources, extractDate: date, replaceWithoutAsking, dateOrders: dateAnswers.current })), origin);
  };

  const ownedBy = (kind: 'grid' | 'files') => lists.map((l) => l.id).filter((l) => owners.current[l] === kind);

  /** Rows pasted or edited in one grid: shown at once, imported once they are drawn, replacing that list only. */
  const changeGrid = (list: ListId, rows: string[][], how: 'paste' | 'edit', pastedText?: string) => {
    if (how === 'paste') {
      const other = otherListOfRows(rows, list);
      if (other) {
        setNotices((n) => ({ ...n, [list]: { kind: 'other-list', list: other, rows } }));
        setSaid(null);
        return;
      }
    }
    setNotices((n) => ({ ...n, [list]: undefined }));
    // What the grid showed before, as the workbook has it (not rows still waiting for an answer).
    const waiting = asking?.origin.kind === 'grids' ? asking.origin.before[list] : undefined;
    const before = waiting ?? grids[list];
    setGrids((g) => ({ ...g, [list]: rows }));
    if (rows.length === 0) {
      setSaid({ kind: 'unchanged', message: `The grid is empty: the workbook still holds its ${countOfList(list, workbook.rows[list])}. Paste the list again to replace them.`, at: list });
      return;
    }
    const replaceWithoutAsking = owners.current[list] === 'grid' ? [list] : [];
    afterPaint(() => void importNow([pasted(list, rows, pastedText)], { kind: 'grids', before: { [list]: before }, after: { [list]: rows } }, replaceWithoutAsking));
  };

  const answer = async (replace: boolean) => {
    const waiting = asking;
    if (!waiting) return;
    setAsking(null);
    if (replace) {
      settle(await call(() => bridge.confirmImport({ token: waiting.token })), waiting.origin);
      return;
    }
    // Kept: the pasted rows go back to what the grid showed before, so that grid and workbook agree.
    if (waiting.origin.kind === 'grids') {
      const before = waiting.origin.before;
      setGrids((g) => ({ ...g, ...before }));
      setRead((r) => ({ ...r, ...Object.fromEntries(Object.keys(before).map((l) => [l, undefined])) }));
    }
    setSaid({ kind: 'unchanged', message: waiting.keeps, at: waiting.at });
  };

  const undoOrRedo = async (direction: 'undo' | 'redo') => {
    dropQuestion();
    const result: ListChangeResult | undefined = await call(() => (direction === 'undo' ? bridge.undoListChange() : bridge.redoListChange()));
    if (!result) return;
    if (result.change) {
      const known = gridChanges.current.get(result.change.id);
      const side = known ? (direction === 'undo' ? known.before : known.after) : {};
      const next: Partial<Grids> = {};
      for (const list of result.change.lists) {
        // Rows this window pasted come back to their grid; rows from elsewhere are only in the workbook.
        next[list] = side[list] ?? [];
        owners.current[list] = next[list]!.length > 0 ? 'grid' : null;
      }
      setGrids((g) => ({ ...g, ...next }));
      setRead((r) => ({ ...r, ...Object.fromEntries(result.change!.lists.map((l) => [l, undefined])) }));
      setLastReport(null);
    }
    setSaid({ kind: 'done', message: result.message, at: 'top' });
    onImported(result.workbook, result.workbookReport);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey && workbook.undo) {
        event.preventDefault();
        void undoOrRedo('undo');
      } else if ((key === 'y' || (key === 'z' && event.shiftKey)) && workbook.redo) {
        event.preventDefault();
        void undoOrRedo('redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const importFiles = async (files: FileList | File[]) => {
    const sources = await Promise.all([...files].map(async (f) => ({ kind: 'file' as const, name: f.name, base64: base64(await f.arrayBuffer()) })));
    await importNow(sources, { kind: 'files', sources }, []);
  };

  // A new extract date is kept in the workbook and applied to the lists this window imported (the grids'
  // rows and the last files); lists already in the workbook from before keep theirs until imported again.
  const changeExtractDate = async (typed: string) => {
    setExtractDate(typed);
    const date = validDate(typed);
    if (date === (workbook.extractDate ?? null)) return;
    const saved = await call(() => bridge.setExtractDate({ extractDate: date }));
    if (!saved) return;
    onImported(saved, report);
    const gridLists = ownedBy('grid').filter((l) => grids[l].length > 0);
    if (gridLists.length) {
      const rows = Object.fromEntries(gridLists.map((l) => [l, grids[l]]));
      await importNow(gridLists.map((l) => pasted(l, grids[l])), { kind: 'grids', before: rows, after: rows }, gridLists, date);
    }
    const fileLists = ownedBy('files');
    if (fileLists.length && lastFiles.current.length) await importNow(lastFiles.current, { kind: 'files', sources: lastFiles.current }, fileLists, date);
  };

  const fileNotes = ((lastReport ?? report)?.issues ?? []).filter((i) => i.list === null);
  const extractNote = fileNotes.find((i) => i.severity === 'info' && i.message.startsWith('No extract date'))?.message ?? null;
  // What happened to the files and sheets as a whole: a sheet that held no list, a file that could not
  // be read. Without these, a wrong file would seem to do nothing.
  const otherNotes = fileNotes.filter((i) => i.message !== extractNote);
  const saying = (at: ListId | 'top') => <AskedAndSaid asking={asking?.at === at ? asking : null} said={said?.at === at ? said : null} onAnswer={(replace) => void answer(replace)} />;

  return (
    <DropFiles onFiles={(files) => void importFiles(files)}>
      <ListsToolbar
        chooseLabel="Choose Annex A workbooks or CSV files to import"
        onFiles={importFiles}
        undo={workbook.undo}
        redo={workbook.redo}
        onUndo={() => void undoOrRedo('undo')}
        onRedo={() => void undoOrRedo('redo')}
        importButton={importButton}
      />
      <div className="row">
        <DateField label="Date the lists were extracted (optional)" value={extractDate} optional onChange={(iso) => void changeExtractDate(iso)} />
      </div>
      {workbook.extractDate && <p className="hint">Kept in this workbook and used for every list you paste or import.</p>}
      {extractNote && <p className="hint">{extractNote}</p>}
      <FileNotes title="What was found in the files" notes={otherNotes} />
      <p className="hint">You can also drag files onto this page. Pasted rows stay in this window; the workbook keeps only what the model needs, with child IDs replaced by pseudonyms.</p>
      <ImportProgress
        bridge={bridge}
        status={status}
        questions={dateQuestions}
        answers={dateAnswers}
        again={() => {
          const last = lastImport.current;
          if (last) void importNow(last.sources, last.origin, last.replaceWithoutAsking);
        }}
      />
      {saying('top')}
      {lists.map((l) => {
        const shown = read[l.id] ?? (report ? { counts: report[l.id], issues: report.issues.filter((i) => i.list === l.id) } : null);
        const counts = shown?.counts;
        const issues = (shown?.issues ?? []).filter((i) => i.severity !== 'info');
        const notice = notices[l.id];
        return (
          <ListPanel
            key={l.id}
            list={l.id}
            label={l.label}
            hint={l.hint}
            counts={counts}
            inWorkbook={countOfList(l.id, workbook.rows[l.id])}
            isPasted={(where) => where === `Pasted ${l.label}`}
            rows={grids[l.id]}
            issues={issues}
            columnOf={(column) => columnOfIssue(grids[l.id], l.id, column)}
            onRows={(rows, how, text) => changeGrid(l.id, rows, how, text)}
            onEmptyPaste={() => {
              setNotices((n) => ({ ...n, [l.id]: { kind: 'empty' } }));
              setSaid(null);
            }}
          >
            {notice?.kind === 'empty' && (
              <p className="problem" role="status">
                Nothing to paste: the clipboard holds no rows. Copy the rows in Excel (Ctrl+C), then click the grid and press Ctrl+V.
              </p>
            )}
            {notice?.kind === 'other-list' && (
              <OtherListNotice
                other={labelOf(notice.list)}
                here={l.label}
                onMove={() => {
                  setNotices((n) => ({ ...n, [l.id]: undefined }));
                  changeGrid(notice.list, notice.rows, 'edit');
                }}
              />
            )}
            {saying(l.id)}
          </ListPanel>
        );
      })}
      <Ssda903Card bridge={bridge} workbook={workbook} stored={returnsReport} appDialog={appDialog} onImported={(next) => onImported(next, report)} />
    </DropFiles>
  );
}
