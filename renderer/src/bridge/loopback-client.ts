// The browser side of the loopback transport: the same `window.workbook` interface the Electron preload
// exposes, carried by same-origin JSON POSTs. The per-run token travels in an HttpOnly cookie, so page code
// never sees it.
import { bridgeMethodNames, type WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import { BridgeCallError, unwrapEnvelope } from '../../../shared/contracts/dispatch.ts';

export function createLoopbackClient(fetchImpl: typeof fetch = fetch.bind(globalThis)): WorkbookBridge {
  const api: Record<string, unknown> = {};
  for (const name of bridgeMethodNames) {
    api[name] = async (...args: unknown[]) => {
      let response: Response;
      try {
        response = await fetchImpl(`./bridge/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ args }),
          credentials: 'same-origin',
        });
      } catch {
        throw new BridgeCallError('transport', 'The app lost contact with its local server. If you closed the "npm run dev:web" window, start it again.');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new BridgeCallError('transport', `${name}: the local server answered ${response.status} without a readable reply.`);
      }
      return unwrapEnvelope(name, body);
    };
  }
  // A browser tab has no native application menu; the renderer's toolbar offers the same commands.
  api.onMenuCommand = () => () => undefined;
  return api as unknown as WorkbookBridge;
}
