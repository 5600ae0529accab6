import { useState } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import type { ExcelExportResult } from '../../../shared/contracts/schemas.ts';
import { WorkProgressBar } from './WorkProgressBar.tsx';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; result: ExcelExportResult } | { kind: 'failed'; message: string };

export function ExportPanel({ bridge }: { bridge: WorkbookBridge }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const exportNow = async () => {
    setState({ kind: 'working' });
    try {
      setState({ kind: 'done', result: await bridge.exportToExcel() });
    } catch (err) {
      setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Excel workbook</h2>
      <p>
        The workbook has a summary for directors, charts you can restyle, the projections month by month with their
        likely ranges, the history, every assumption and where it came from, and the data quality report. Child IDs are
        never included.
      </p>
      <button type="button" className="primary" onClick={() => void exportNow()} disabled={state.kind === 'working'}>
        {state.kind === 'working' ? 'Exporting…' : 'Export to Excel'}
      </button>
      <div role="status" aria-live="polite" className="export-status">
        {state.kind === 'working' && <p>Projecting and writing the workbook. This takes a few seconds.</p>}
        {state.kind === 'done' && state.result.saved && (
          <p>
            Saved to <code className="path">{state.result.filePath}</code>. It has the sheets {state.result.sheets.join(', ')}.
          </p>
        )}
        {state.kind === 'done' && !state.result.saved && <p>Not saved: you cancelled. Nothing was written.</p>}
      </div>
      <WorkProgressBar bridge={bridge} active={state.kind === 'working'} />
      {state.kind === 'failed' && (
        <p className="problem" role="alert">
          The export did not work: {state.message}
        </p>
      )}
    </section>
  );
}
