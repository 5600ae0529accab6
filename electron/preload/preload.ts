// Runs sandboxed in the window before the page. It exposes `window.workbook` with exactly the methods the
// shared bridge table declares, each bound to its own IPC channel; nothing else of Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeMethodNames, ipcChannelFor, menuCommandChannel, type WorkbookBridge } from '../../shared/contracts/bridge.ts';
import { unwrapEnvelope } from '../../shared/contracts/dispatch.ts';
import { MenuCommand } from '../../shared/contracts/menu-commands.ts';

// Calls go as JSON bytes, {"args": [...]}, and answers come back as the envelope in JSON bytes: the main
// process passes both between this window and the backend's worker without reading them.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
function readAnswer(raw: unknown): unknown {
  if (!(raw instanceof Uint8Array)) return null;
  try {
    return JSON.parse(decoder.decode(raw));
  } catch {
    return null;
  }
}

function buildApi(): WorkbookBridge {
  const api: Record<string, unknown> = {};
  for (const name of bridgeMethodNames) {
    api[name] = async (...args: unknown[]) => unwrapEnvelope(name, readAnswer(await ipcRenderer.invoke(ipcChannelFor(name), encoder.encode(JSON.stringify({ args })))));
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
