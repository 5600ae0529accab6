// The one bridge between the renderer and the backend. Each method is declared here exactly once, with a
// runtime schema for its arguments and its result. The Electron preload, the Electron main process, the
// loopback server and the loopback client all derive their behaviour from this table, so a method cannot
// exist on one transport and not the other, and no payload crosses unchecked.
import { z } from 'zod';
import { AppInfo, ConfirmImportRequest, ExcelExportResult, HousingImportRequest, HousingImportResponse, HousingWorkbookData, ImportRequest, ImportResponse, ListChangeResult, NewWorkbookRequest, OpenRecentRequest, RecentWorkbooks, RenameWorkbookRequest, SaveAsRequest, SaveResult, SaveScenariosRequest, SetExtractDateRequest, Ssda903ImportRequest, Ssda903ImportResponse, WorkbookData, WorkbookSummary } from './schemas.ts';
import { MenuCommand } from './menu-commands.ts';
import { CancelResult, ProgressState } from './progress.ts';

interface MethodSpec<A extends z.ZodTuple, R extends z.ZodType> {
  readonly args: A;
  readonly result: R;
  /** One line for the developer reading the table; never shown to users. */
  readonly doc: string;
}

function method<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R, doc: string): MethodSpec<A, R> {
  return { args, result, doc };
}

export const bridgeMethods = {
  getAppInfo: method(z.tuple([]), AppInfo, 'Product, version, transport and the local data folder.'),
  getWorkbook: method(z.tuple([]), WorkbookSummary, 'The workbook that is open now.'),
  newWorkbook: method(z.tuple([]), WorkbookSummary, 'Close the current workbook and start an empty one (children’s services).'),
  newWorkbookFor: method(z.tuple([NewWorkbookRequest]), WorkbookSummary, 'Close the current workbook and start an empty one for the service the person chose.'),
  openDemoWorkbook: method(z.tuple([]), WorkbookSummary, 'Open the built-in demo authority (synthetic data).'),
  openHousingDemoWorkbook: method(z.tuple([]), WorkbookSummary, 'Open the built-in demo housing authority (synthetic data).'),
  renameWorkbook: method(z.tuple([RenameWorkbookRequest]), WorkbookSummary, 'Give the open workbook a new title.'),
  saveWorkbookAs: method(z.tuple([SaveAsRequest]), SaveResult, 'Save the open workbook to a file the person chooses (or names, in the browser), and carry on in that file.'),
  openWorkbook: method(z.tuple([]), SaveResult, 'Open a workbook file the person chooses (saved is false if they cancel).'),
  listRecentWorkbooks: method(z.tuple([]), RecentWorkbooks, 'Workbook files opened or saved recently that still exist.'),
  openRecentWorkbook: method(z.tuple([OpenRecentRequest]), WorkbookSummary, 'Reopen a file from the recent list (no other path is accepted).'),
  getWorkbookData: method(z.tuple([]), WorkbookData, 'The pseudonymised lists, the import report and the scenarios of the open workbook.'),
  importLists: method(z.tuple([ImportRequest]), ImportResponse, 'Import pasted lists or files: replaces only the lists they hold, asking first where the workbook has rows.'),
  confirmImport: method(z.tuple([ConfirmImportRequest]), ImportResponse, 'Replace the lists of the import that waited for the person to confirm.'),
  getHousingData: method(z.tuple([]), HousingWorkbookData, 'A housing workbook’s pseudonymised case and TA lists, import report and scenarios, for the engine.'),
  importHousingLists: method(z.tuple([HousingImportRequest]), HousingImportResponse, 'Import pasted housing lists or files into a housing workbook: replaces only the lists they hold, asking first where it has rows.'),
  confirmHousingImport: method(z.tuple([ConfirmImportRequest]), HousingImportResponse, 'Replace the housing lists of the import that waited for the person to confirm.'),
  importSsda903: method(z.tuple([Ssda903ImportRequest]), Ssda903ImportResponse, 'Import SSDA903 returns (files read by the window, or chosen in the app’s own dialog): replaces the returns the workbook holds, asking first.'),
  confirmSsda903Import: method(z.tuple([ConfirmImportRequest]), Ssda903ImportResponse, 'Replace the returns with those of the import that waited for the person to confirm.'),
  undoListChange: method(z.tuple([]), ListChangeResult, 'Take back the last replacement of lists (kept in the workbook file).'),
  redoListChange: method(z.tuple([]), ListChangeResult, 'Make the last undone replacement of lists again.'),
  setExtractDate: method(z.tuple([SetExtractDateRequest]), WorkbookSummary, 'Keep the extract date in the workbook, for every import.'),
  saveScenarios: method(z.tuple([SaveScenariosRequest]), WorkbookSummary, 'Save the scenarios of the open workbook.'),
  exportToExcel: method(z.tuple([]), ExcelExportResult, 'Project the open workbook and save the Excel export where the person chooses.'),
  getProgress: method(z.tuple([]), ProgressState, 'What the backend is busy with now (task, stage, rows done of total), for the progress bar.'),
  cancelWork: method(z.tuple([]), CancelResult, 'Stop the import under way; the workbook is left as it was.'),
} as const;

export type BridgeMethods = typeof bridgeMethods;
export type BridgeMethodName = keyof BridgeMethods;
export const bridgeMethodNames = Object.freeze(Object.keys(bridgeMethods) as BridgeMethodName[]);

type ArgsIn<K extends BridgeMethodName> = z.input<BridgeMethods[K]['args']>;
type ArgsOut<K extends BridgeMethodName> = z.output<BridgeMethods[K]['args']>;
type ResultIn<K extends BridgeMethodName> = z.input<BridgeMethods[K]['result']>;
type ResultOut<K extends BridgeMethodName> = z.output<BridgeMethods[K]['result']>;

/** What the renderer sees as `window.workbook`: every method returns a promise of its validated result. */
export type WorkbookApi = {
  [K in BridgeMethodName]: (...args: ArgsIn<K>) => Promise<ResultOut<K>>;
};

/** What the backend implements: handlers receive arguments that have already passed their schema. */
export type BackendHandlers = {
  [K in BridgeMethodName]: (...args: ArgsOut<K>) => Promise<ResultIn<K>> | ResultIn<K>;
};

/** Commands from the native application menu. The browser transport has no native menu and never emits. */
export interface MenuEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export type WorkbookBridge = WorkbookApi & MenuEvents;

/** Channel names for Electron IPC: one per method, never a shared pass-through channel. */
export function ipcChannelFor(name: BridgeMethodName): string {
  return `workbook:${name}`;
}
export const menuCommandChannel = 'workbook-menu:command';

export function isBridgeMethodName(value: unknown): value is BridgeMethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(bridgeMethods, value);
}
