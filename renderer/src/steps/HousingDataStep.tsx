import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import type { HousingImportReportJson, HousingImportRequest, HousingImportResponse, WorkbookSummary } from '../../../shared/contracts/schemas.ts';
import type { HousingList } from '../../../shared/dataset/housing.ts';
import { housingTableCatalogue } from '../../../shared/import/housing/housing-lists.ts';
import { countForPeople } from '../../../shared/text/people-format.ts';
import { columnOfIssue, otherListOfRows, pastedSource } from './data/grid-lists.ts';
import { ListPanel } from './data/ListPanel.tsx';
import { ImportProgress, useImportCall } from './data/import-status.tsx';
import { AskedAndSaid, DropFiles, FileNotes, ListsToolbar, OtherListNotice } from './data/list-step-parts.tsx';
import { afterPaint } from './data/after-paint.ts';
import { base64 } from './data/returns-files.ts';

const lists: ReadonlyArray<{ id: HousingList; label: string; hint: string; noun: [string, string] }> = [
  { id: 'cases', label: 'Case list', hint: 'One row per approach: Case ID, Date of approach, Household type, Number of children, Duty owed, Duty start and end dates.', noun: ['case', 'cases'] },
  { id: 'ta', label: 'Temporary accommodation list', hint: 'One row per placement, including households placed before the export’s start: Case ID, Date placed, Date left (blank while still there), Type of temporary accommodation, In or out of area.', noun: ['TA placement', 'TA placements'] },
];
const labelOf = (list: HousingList) => lists.find((l) => l.id === list)!.label;
const countOf = (list: HousingList, n: number) => `${countForPeople(n)} ${lists.find((l) => l.id === list)!.noun[n === 1 ? 0 : 1]}`;

type Grids = Record<HousingList, string[][]>;
const empty: Grids = { cases: [], ta: [] };
type Sources = HousingImportRequest['sources'];
type Answers = NonNullable<HousingImportRequest['dateOrders']>;
type Questions = NonNullable<HousingImportResponse['dateQuestions']>;
type Issue = HousingImportReportJson['issues'][number];
type Said = { kind: 'done' | 'unchanged'; message: string; at: HousingList | 'top' };

// A housing workbook's Data step: the case list and the TA list, pasted into their grids or imported from
// files (CSV, or one workbook with both sheets). As on the children's services Data step, pasted rows
// stay in this window; the workbook keeps only what the model needs, with case IDs pseudonymised, asks
// before it replaces a list it holds, and Undo takes a replacement back.
export function HousingDataStep({ bridge, workbook, onImported }: { bridge: WorkbookBridge; workbook: WorkbookSummary; onImported: (workbook: WorkbookSummary) => void }) {
  const [grids, setGrids] = useState<Grids>(empty);
  const [report, setReport] = useState<HousingImportReportJson | null>(null);
  const [asking, setAsking] = useState<{ question: string; token: string; before: Partial<Grids>; at: HousingList | 'top' } | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const [otherList, setOtherList] = useState<Partial<Record<HousingList, { list: HousingList; rows: string[][] }>>>({});
  const { status, call } = useImportCall();
  const [questions, setQuestions] = useState<Questions>([]);
  const answers = useRef<Answers>([]);
  const lastImport = useRef<{ sources: Sources; before: Partial<Grids>; at: HousingList | 'top' } | null>(null);
  const pastedHere = useRef<Set<HousingList>>(new Set());
  const rows = workbook.housingRows ?? { cases: 0, ta: 0 };

  const refresh = useCallback(async () => setReport((await bridge.getHousingData()).report), [bridge]);
  // Another workbook (or the same after an undo): the stored report, and nothing of this window's grids.
  useEffect(() => {
    setGrids(empty);
    pastedHere.current.clear();
    setAsking(null);
    setSaid(null);
    void refresh().catch(() => setReport(null));
  }, [workbook.createdAt, refresh]);

  const settle = (response: HousingImportResponse | undefined, before: Partial<Grids>, at: HousingList | 'top') => {
    if (!response) return;
    setQuestions(response.dateQuestions ?? []);
    if (response.dateQuestions?.length) return;
    // Once stored, the workbook's own report (both lists as it holds them, whichever was pasted last);
    // until then, what this import read, so that rejected rows can be seen before anything changes.
    setReport(response.outcome.kind === 'replaced' && response.workbookReport ? response.workbookReport : response.report);
    const outcome = response.outcome;
    if (outcome.kind === 'confirm') setAsking({ question: outcome.question, token: outcome.token, before, at });
    else {
      if (outcome.kind === 'replaced') for (const list of outcome.lists) if (before[list] !== undefined) pastedHere.current.add(list);
      setSaid({ kind: outcome.kind === 'replaced' ? 'done' : 'unchanged', message: outcome.message, at });
    }
    onImported(response.workbook);
  };

  const importNow = async (sources: Sources, before: Partial<Grids>, at: HousingList | 'top') => {
    lastImport.current = { sources, before, at };
    setAsking(null);
    setSaid(null);
    const replaceWithoutAsking = [...pastedHere.current].filter((l) => l in before);
    settle(await call(() => bridge.importHousingLists({ sources, extractDate: null, replaceWithoutAsking, dateOrders: answers.current })), before, at);
  };

  const changeGrid = (list: HousingList, next: string[][], how: 'paste' | 'edit', pastedText?: string) => {
    const other = how === 'paste' ? otherListOfRows(next, list, housingTableCatalogue) : null;
    setOtherList((o) => ({ ...o, [list]: other ? { list: other, rows: next } : undefined }));
    if (other) return;
    const before = { [list]: grids[list] };
    setGrids((g) => ({ ...g, [list]: next }));
    if (next.length === 0) return;
    // Drawn first, then imported (after-paint.ts).
    afterPaint(() => void importNow([pastedSource(list, `Pasted ${labelOf(list).toLowerCase()}`, next, pastedText)], before, list));
  };

  const answer = async (replace: boolean) => {
    const waiting = asking;
    if (!waiting) return;
    setAsking(null);
    if (replace) return settle(await call(() => bridge.confirmHousingImport({ token: waiting.token })), waiting.before, waiting.at);
    setGrids((g) => ({ ...g, ...waiting.before }));
    setSaid({ kind: 'unchanged', message: 'Nothing was replaced: the workbook keeps its lists.', at: waiting.at });
    await refresh();
  };

  const undoOrRedo = async (direction: 'undo' | 'redo') => {
    setAsking(null);
    const result = await call(() => (direction === 'undo' ? bridge.undoListChange() : bridge.redoListChange()));
    if (!result) return;
    // Rows from this window no longer match what the workbook holds for the lists changed back.
    const changed = result.change?.housingLists ?? [];
    setGrids((g) => ({ ...g, ...Object.fromEntries(changed.map((l) => [l, []])) }));
    for (const l of changed) pastedHere.current.delete(l);
    setSaid({ kind: 'done', message: result.message, at: 'top' });
    onImported(result.workbook);
    await refresh();
  };

  const importFiles = async (files: FileList | File[]) => {
    const sources = await Promise.all([...files].map(async (f) => ({ kind: 'file' as const, name: f.name, base64: base64(await f.arrayBuffer()) })));
    if (sources.length) await importNow(sources, {}, 'top');
  };

  const fileNotes = (report?.issues ?? []).filter((i) => i.list === null);
  const saying = (at: HousingList | 'top') => <AskedAndSaid asking={asking?.at === at ? asking : null} said={said?.at === at ? said : null} onAnswer={(replace) => void answer(replace)} hint="The other list stays as it is. Undo brings the replaced rows back, even after the workbook is closed and opened again." />;

  return (
    <DropFiles onFiles={(files) => void importFiles(files)}>
      <ListsToolbar
        chooseLabel="Choose the case list and the TA list (a workbook or CSV files) to import"
        onFiles={importFiles}
        undo={workbook.undo}
        redo={workbook.redo}
        onUndo={() => void undoOrRedo('undo')}
        onRedo={() => void undoOrRedo('redo')}
      />
      <FileNotes title="What was found in the lists" notes={fileNotes} />
      <p className="hint">You can also drag files onto this page. Pasted rows stay in this window; the workbook keeps only what the model needs, with case IDs replaced by pseudonyms: never names, addresses or reasons in free text.</p>
      <ImportProgress
        bridge={bridge}
        status={status}
        questions={questions}
        answers={answers}
        again={() => {
          const last = lastImport.current;
          if (last) void importNow(last.sources, last.before, last.at);
        }}
      />
      {saying('top')}
      {lists.map((l) => {
        const counts = report?.[l.id];
        const ofList = (report?.issues ?? []).filter((i) => i.list === l.id);
        const issues = ofList.filter((i) => i.severity !== 'info' || i.row !== null);
        const notes = ofList.filter((i) => i.severity === 'info' && i.row === null);
        const other = otherList[l.id];
        return (
          <ListPanel<Issue>
            key={l.id}
            list={l.id}
            label={l.label}
            hint={l.hint}
            counts={counts}
            inWorkbook={countOf(l.id, rows[l.id])}
            isPasted={(where) => where.startsWith('Pasted')}
            rows={grids[l.id]}
            issues={issues}
            columnOf={(column) => columnOfIssue(grids[l.id], l.id, column, housingTableCatalogue)}
            onRows={(next, how, text) => changeGrid(l.id, next, how, text)}
            onEmptyPaste={() => setSaid({ kind: 'unchanged', message: 'Nothing to paste: the clipboard holds no rows. Copy the rows in Excel (Ctrl+C), then click the grid and press Ctrl+V.', at: l.id })}
          >
            {notes.map((n, k) => (
              <p key={k} className="hint">
                {n.message}
              </p>
            ))}
            {other && (
              <OtherListNotice
                other={`the ${labelOf(other.list).toLowerCase()}`}
                here={`the ${l.label.toLowerCase()}`}
                onMove={() => {
                  setOtherList((o) => ({ ...o, [l.id]: undefined }));
                  changeGrid(other.list, other.rows, 'edit');
                }}
              />
            )}
            {saying(l.id)}
          </ListPanel>
        );
      })}
    </DropFiles>
  );
}
