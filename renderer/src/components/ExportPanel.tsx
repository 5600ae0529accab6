import { useState } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import type { ExcelExportResult } from '../../../shared/contracts/schemas.ts';
import { WorkProgressBar } from './WorkProgressBar.tsx';

/** Hands a file to the person as the browser's own download (the browser version of the app). */
function offerDownload(fileName: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; result: ExcelExportResult } | { kind: 'failed'; message: string };

/** `contents`: what the workbook holds, in words, where it is not the children's services workbook. */
export function ExportPanel({ bridge, contents }: { bridge: WorkbookBridge; contents?: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const exportNow = async () => {
    setState({ kind: 'working' });
    try {
      const result = await bridge.exportToExcel();
      if (result.download) offerDownload(result.download.fileName, result.download.base64);
      setState({ kind: 'done', result });
    } catch (err) {
      setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Excel workbook</h2>
      <p>
        {contents ??
          'The workbook has a summary for directors, charts you can restyle, the projections month by month with their likely ranges, an Interventions sheet for each scenario with interventions (what each costs and saves, with its likely range, and when it pays for itself), the history, every assumption and where it came from, and the data quality report. Child IDs are never included.'}
      </p>
      <button type="button" className="primary" onClick={() => void exportNow()} disabled={state.kind === 'working'}>
        {state.kind === 'working' ? 'Exporting…' : 'Export to Excel'}
      </button>
      <div role="status" aria-live="polite" className="export-status">
        {state.kind === 'working' && <p>Projecting and writing the workbook. This takes a few seconds.</p>}
        {state.kind === 'done' && state.result.saved && state.result.download && (
          <p>
            Your browser has downloaded <strong>{state.result.download.fileName}</strong> (look in its downloads). A copy is kept in <code className="path">{state.result.filePath}</code>. It has the sheets {state.result.sheets.join(', ')}.
          </p>
        )}
        {state.kind === 'done' && state.result.saved && !state.result.download && (
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
