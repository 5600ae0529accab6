// Electron entry point. Deliberately thin: it only wires Electron's objects to modules that are unit-tested
// without Electron (window options, security handlers, protocol, menu, IPC, backend).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { menuCommandChannel } from '../../shared/contracts/bridge.ts';
import { startBackendWorker } from '../backend-host/backend-worker.ts';
import type { BackendHost } from '../backend-host/host.ts';
import { appEntryUrl } from './app-origin.ts';
import { handleAppScheme, registerAppSchemePrivileges } from './app-protocol.ts';
import { registerBridgeHandlers } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { hardenSession, hardenWebContents, type SecurityLog } from './security.ts';
import { mainWindowOptions } from './window-options.ts';

const here = path.dirname(fileURLToPath(import.meta.url)); // dist/electron
const rendererRoot = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');
// Beside main.js, and loaded as main.js is (an ES module that finds better-sqlite3 the same way).
const backendWorkerPath = path.join(here, 'backend-worker.js');

const log: SecurityLog = {
  blocked: (kind, detail) => console.warn(`[security] blocked ${kind}: ${detail.slice(0, 200)}`),
};

registerAppSchemePrivileges(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let backendRef: BackendHost | null = null;

  // A workbook double-clicked in the file manager arrives as an argument, to this instance or the next.
  const workbookArgument = (argv: readonly string[]) => argv.slice(1).find((a) => a.toLowerCase().endsWith('.dwb') && !a.startsWith('-')) ?? null;
  const openFromArgument = (argv: readonly string[]) => {
    const file = workbookArgument(argv);
    if (!file || !backendRef) return;
    backendRef.openFile(file).then(
      () => mainWindow?.webContents.send(menuCommandChannel, 'workbook-opened'),
      (err: unknown) => dialog.showErrorBox('Demand Workbook', err instanceof Error ? err.message : String(err)),
    );
  };

  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    openFromArgument(argv);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  app.whenReady().then(() => {
    hardenSession(session.defaultSession, log);
    handleAppScheme(protocol, rendererRoot);

    // The backend runs in a worker thread: imports, saves and exports never hold up this process.
    const backend = startBackendWorker({
      entry: pathToFileURL(backendWorkerPath),
      productName: 'Demand Workbook',
      version: app.getVersion(),
      transport: 'electron',
      dataFolder: app.getPath('userData'),
      chooseSavePath: async (suggestedName, kind) => {
        const filters = kind === 'excel' ? [{ name: 'Excel workbook', extensions: ['xlsx'] }] : [{ name: 'Demand Workbook', extensions: ['dwb'] }];
        const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters };
        const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return choice.canceled || !choice.filePath ? null : choice.filePath;
      },
      chooseOpenPath: async () => {
        const options = { properties: ['openFile' as const], filters: [{ name: 'Demand Workbook', extensions: ['dwb'] }] };
        const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return choice.canceled ? null : (choice.filePaths[0] ?? null);
      },
      // SSDA903 returns: a folder with one subfolder a year, or a zip of it, or single CSV files.
      chooseSsda903Paths: async (what) => {
        const options =
          what === 'folder'
            ? { title: 'Choose the folder of SSDA903 returns', properties: ['openDirectory' as const] }
            : { title: 'Choose SSDA903 files', properties: ['openFile' as const, 'multiSelections' as const], filters: [{ name: 'SSDA903 returns (zip or CSV)', extensions: ['zip', 'csv', 'tsv', 'txt'] }] };
        const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths;
      },
    });
    backendRef = backend;
    registerBridgeHandlers(ipcMain, backend, () => mainWindow?.webContents.id ?? null);

    mainWindow = new BrowserWindow(mainWindowOptions(preloadPath));
    const window = mainWindow;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      mainWindow = null;
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate((command) => window.webContents.send(menuCommandChannel, command), process.platform)),
    );
    void window.loadURL(appEntryUrl).then(() => openFromArgument(process.argv));
  });

  app.on('window-all-closed', () => app.quit());
  // Close the workbook cleanly (its lock, its journal) before the app goes.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!backendRef || closing) return;
    closing = true;
    event.preventDefault();
    void backendRef.close().finally(() => app.quit());
  });
}
