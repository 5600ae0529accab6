// The backend behind the bridge: one handler per bridge method. It knows nothing of the transport that
// carries the call, so Electron IPC and the loopback server run exactly this code.
import type { BackendHandlers } from '../../shared/contracts/bridge.ts';
import type { Transport, WorkbookSummary } from '../../shared/contracts/schemas.ts';
import { exportSheetNames, resultsWorkbook } from '../../shared/export/results-workbook.ts';
import { futureLockdown } from '../../shared/engine/presets.ts';
import { runModel } from '../../shared/engine/run-model.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoImport } from '../../shared/synthetic/demo.ts';
import { buildHistory } from '../../shared/engine/history.ts';
import { writeFileAtomically } from '../common/atomic-write.ts';

export interface BackendOptions {
  productName: string;
  version: string;
  transport: Transport;
  dataFolder: string;
  now?: () => Date;
  /** Asks where to save a file (a dialog in the desktop app); null when the person cancels. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

export const demoWorkbookTitle = 'Demo authority (synthetic data)';

export function createBackend(options: BackendOptions): BackendHandlers {
  const now = options.now ?? (() => new Date());
  const fresh = (title: string, isDemo: boolean): WorkbookSummary => ({
    title,
    isDemo,
    filePath: null,
    createdAt: now().toISOString(),
  });
  // The app opens on the demo so that a first-time user sees a working model before pasting anything.
  let workbook = fresh(demoWorkbookTitle, true);

  return {
    getAppInfo: () => ({
      productName: options.productName,
      version: options.version,
      transport: options.transport,
      dataFolder: options.dataFolder,
      sendsDataOverNetwork: false,
    }),
    getWorkbook: () => workbook,
    newWorkbook: () => {
      workbook = fresh('Untitled workbook', false);
      return workbook;
    },
    openDemoWorkbook: () => {
      workbook = fresh(demoWorkbookTitle, true);
      return workbook;
    },
    renameWorkbook: ({ title }) => {
      workbook = { ...workbook, title };
      return workbook;
    },
    exportToExcel: async () => {
      if (!workbook.isDemo) throw new Error('There is nothing to export yet: add your lists on the Data step first.');
      const { dataset, report } = demoImport();
      const history = buildHistory(dataset, []);
      const scenarios = history.lastObservedMonth === null ? [] : [futureLockdown(history.lastObservedMonth + 1)];
      const result = buildResultJson({ dataset, report, run: runModel(dataset, [], { horizon: 24, scenarios }) });
      const bytes = resultsWorkbook(result, { workbookTitle: workbook.title, appVersion: options.version, createdAt: now().toISOString() });
      const safeName = workbook.title.replace(/[^\w\- ()]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Demand Workbook';
      const target = await options.chooseSavePath(`${safeName} projections.xlsx`);
      if (target === null) return { saved: false, filePath: null, sheets: [...exportSheetNames] };
      writeFileAtomically(target, bytes);
      return { saved: true, filePath: target, sheets: [...exportSheetNames] };
    },
  };
}
