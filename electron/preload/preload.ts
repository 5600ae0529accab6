// Runs sandboxed in the window before the page. It exposes `window.workbook` with exactly the methods the
// shared bridge table declares, each bound to its own IPC channel; nothing else of Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeMethodNames, ipcChannelFor, menuCommandChannel, type WorkbookBridge } from '../../shared/contracts/bridge.ts';
import { unwrapEnvelope } from '../../shared/contracts/dispatch.ts';
import { MenuCommand } from '../../shared/contracts/menu-commands.ts';

function buildApi(): WorkbookBridge {
  const api: Record<string, unknown> = {};
  for (const name of bridgeMethodNames) {
    api[name] = async (...args: unknown[]) => unwrapEnvelope(name, await ipcRenderer.invoke(ipcChannelFor(name), args));
  }
  api.onMenuCommand = (listener: (command: MenuCommand) => void) => {
    const wrapped = (_event: unknown, raw: unknown) => {
      const command = MenuCommand.safeParse(raw);
      if (command.success) listener(command.data);
    };
    ipcRenderer.on(menuCommandChannel, wrapped);
    return () => {
      ipcRenderer.removeListener(menuCommandChannel, wrapped);
    };
  };
  return api as unknown as WorkbookBridge;
}

contextBridge.exposeInMainWorld('workbook', buildApi());
