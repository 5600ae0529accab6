import { useEffect, useState } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import type { AppInfo, RecentWorkbook, WorkbookSummary } from '../../../shared/contracts/schemas.ts';
import { returnsInWords } from '../../../shared/import/ssda903/returns-words.ts';
import { SaveAsNameForm } from './SaveAsNameForm.tsx';

// Where the open workbook is kept, and the commands to save it elsewhere or open another.
export function WorkbookFilePanel({ bridge, appInfo, workbook, onChange, run }: {
  bridge: WorkbookBridge;
  appInfo: AppInfo | null;
  workbook: WorkbookSummary;
  onChange: (workbook: WorkbookSummary) => void;
  run: <T>(call: () => Promise<T>) => Promise<T | undefined>;
}) {
  const [recent, setRecent] = useState<RecentWorkbook[]>([]);
  useEffect(() => {
    // An answer for a workbook no longer open (a slow one, overtaken by a save or a new workbook) is dropped.
    let current = true;
    void run(async () => {
      const list = await bridge.listRecentWorkbooks();
      if (current) setRecent(list);
    });
    return () => {
      current = false;
    };
  }, [bridge, run, workbook.filePath]);
  const others = recent.filter((r) => r.filePath !== workbook.filePath);
  // The browser version asks for a name in the page; the desktop app shows the system's save dialog.
  const asksForName = appInfo?.transport === 'loopback';
  const [naming, setNaming] = useState(false);
  const [savedAs, setSavedAs] = useState<{ filePath: string } | null>(null);
  const workbooksFolder = appInfo ? `${appInfo.dataFolder}${appInfo.dataFolder.includes('\\') ? '\\' : '/'}workbooks` : 'workbooks';
  const saveAs = (fileName?: string) =>
    void run(async () => {
      const result = await bridge.saveWorkbookAs(fileName === undefined ? {} : { fileName });
      setNaming(false);
      if (result.saved && result.workbook.filePath) setSavedAs({ filePath: result.workbook.filePath });
      onChange(result.workbook);
    });
  const savedName = savedAs ? savedAs.filePath.split(/[\\/]/).at(-1)! : '';
  return (
    <section className="panel" aria-labelledby="file-heading">
      <h2 id="file-heading">Workbook file</h2>
      <p>
        {workbook.filePath ? (
          <>
            Saved in <code className="path">{workbook.filePath}</code>. Every change is saved as you make it.
          </>
        ) : (
          <>Not saved to a file of your own yet. Every change is kept safe in the app’s autosave folder; use Save as to choose where the workbook lives.</>
        )}
      </p>
      {workbook.housingRows ? (
        <p>
          A housing workbook: {workbook.housingRows.cases.toLocaleString('en-GB')} cases and {workbook.housingRows.ta.toLocaleString('en-GB')} TA placements in this workbook.
        </p>
      ) : (
        <p>
          {workbook.rows.referrals.toLocaleString('en-GB')} referrals, {workbook.rows.cpp.toLocaleString('en-GB')} child protection plans and{' '}
          {workbook.rows.cla.toLocaleString('en-GB')} periods of care in this workbook.
        </p>
      )}
      {workbook.returns && <p>With the SSDA903 returns: {returnsInWords(workbook.returns)}.</p>}
      <div className="row-of-buttons">
        <button type="button" aria-expanded={asksForName ? naming : undefined} onClick={() => (asksForName ? setNaming(true) : saveAs())}>
          Save as…
        </button>
        <button type="button" onClick={() => void run(async () => onChange((await bridge.openWorkbook()).workbook))}>
          Open workbook…
        </button>
      </div>
      {naming && <SaveAsNameForm initialName={workbook.title} folder={workbooksFolder} onSave={(name) => saveAs(name)} onCancel={() => setNaming(false)} />}
      <div role="status" aria-live="polite">
        {savedAs && savedAs.filePath === workbook.filePath && (
          <p>
            Saved as “{savedName}”{asksForName ? ' in the app data folder’s workbooks folder' : ''}: <code className="path">{savedAs.filePath}</code>.
          </p>
        )}
      </div>
      {others.length > 0 && (
        <>
          <h3>Recent workbooks</h3>
          <ul className="recent">
            {others.map((r) => (
              <li key={r.filePath}>
                <button type="button" onClick={() => void run(async () => onChange(await bridge.openRecentWorkbook({ filePath: r.filePath })))}>
                  Open {r.name}
                </button>{' '}
                <span className="muted">{r.filePath}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
