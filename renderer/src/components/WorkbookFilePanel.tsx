import { useEffect, useState } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import type { RecentWorkbook, WorkbookSummary } from '../../../shared/contracts/schemas.ts';

// Where the open workbook is kept, and the commands to save it elsewhere or open another.
export function WorkbookFilePanel({ bridge, workbook, onChange, run }: {
  bridge: WorkbookBridge;
  workbook: WorkbookSummary;
  onChange: (workbook: WorkbookSummary) => void;
  run: <T>(call: () => Promise<T>) => Promise<T | undefined>;
}) {
  const [recent, setRecent] = useState<RecentWorkbook[]>([]);
  useEffect(() => {
    void run(async () => setRecent(await bridge.listRecentWorkbooks()));
  }, [bridge, run, workbook.filePath]);
  const others = recent.filter((r) => r.filePath !== workbook.filePath);
  return (
    <section className="panel" aria-labelledby="file-heading">
      <h2 id="file-heading">Workbook file</h2>
      {workbook.readOnlyReason && (
        <p className="notice" role="status">
          {workbook.readOnlyReason}
        </p>
      )}
      <p>
        {workbook.filePath ? (
          <>
            Saved in <code className="path">{workbook.filePath}</code>. Every change is saved as you make it.
          </>
        ) : (
          <>Not saved to a file of your own yet. Every change is kept safe in the app’s autosave folder; use Save as to choose where the workbook lives.</>
        )}
      </p>
      <p>
        {workbook.rows.referrals.toLocaleString('en-GB')} referrals, {workbook.rows.cpp.toLocaleString('en-GB')} child protection plans and{' '}
        {workbook.rows.cla.toLocaleString('en-GB')} periods of care in this workbook.
      </p>
      <div className="row-of-buttons">
        <button type="button" onClick={() => void run(async () => onChange((await bridge.saveWorkbookAs()).workbook))}>
          Save as…
        </button>
        <button type="button" onClick={() => void run(async () => onChange((await bridge.openWorkbook()).workbook))}>
          Open workbook…
        </button>
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
