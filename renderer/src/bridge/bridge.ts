// The renderer's only way to reach the backend. In Electron the preload has already put `window.workbook`
// there; in a browser tab the loopback client is installed in its place before the app starts.
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import { createLoopbackClient } from './loopback-client.ts';

declare global {
  interface Window {
    workbook?: WorkbookBridge;
  }
}

export function installBridge(): WorkbookBridge {
  if (!window.workbook) {
    Object.defineProperty(window, 'workbook', { value: createLoopbackClient(), writable: false, configurable: false });
  }
  return window.workbook!;
}
