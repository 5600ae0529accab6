// The backend behind the bridge: one handler per bridge method. It knows nothing of the transport that
// carries the call, so Electron IPC and the loopback server run exactly this code.
import type { BackendHandlers } from '../../shared/contracts/bridge.ts';
import type { Transport, WorkbookSummary } from '../../shared/contracts/schemas.ts';

export interface BackendOptions {
  productName: string;
  version: string;
  transport: Transport;
  dataFolder: string;
  now?: () => Date;
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
  };
}
