// The preload with Electron's contextBridge and ipcRenderer replaced by recorders: it must expose exactly
// the bridge table's methods, each on its own channel, and nothing that would let the page send anything else.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeMethodNames } from '../../shared/contracts/bridge.ts';

const exposed: Record<string, unknown> = {};
// The main process answers with the envelope as JSON bytes.
const asBytes = (envelope: unknown) => new TextEncoder().encode(JSON.stringify(envelope));
const invoke = vi.fn(async (channel: string, _args: unknown) =>
  channel === 'workbook:getWorkbook'
    ? asBytes({ ok: true, value: { title: 'Demo', isDemo: true, filePath: null, createdAt: '2026-01-01T00:00:00.000Z', readOnlyReason: null, rows: { referrals: 1, cpp: 2, cla: 3 }, extractDate: null, undo: null, redo: null } })
    : channel === 'workbook:getAppInfo'
      ? { ok: true, value: 'an object, not bytes' }
      : asBytes({ ok: false, error: { code: 'bad-request', message: 'renameWorkbook argument 1, title: must not be empty' } }),
);
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => void listeners.set(channel, listener),
    removeListener: (channel: string) => void listeners.delete(channel),
  },
}));

beforeAll(async () => {
  await import('../../electron/preload/preload.ts');
});

describe('preload', () => {
  it('exposes window.workbook with exactly the declared methods', () => {
    expect(Object.keys(exposed)).toEqual(['workbook']);
    expect(Object.keys(exposed.workbook as object).sort()).toEqual([...bridgeMethodNames, 'onMenuCommand'].sort());
  });

  it('sends each method on its own channel and validates the answer', async () => {
    const api = exposed.workbook as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(api.getWorkbook!()).resolves.toMatchObject({ title: 'Demo', isDemo: true });
    const [channel, body] = invoke.mock.lastCall!;
    expect(channel).toBe('workbook:getWorkbook');
    expect(JSON.parse(new TextDecoder().decode(body as Uint8Array))).toEqual({ args: [] });
    await expect(api.renameWorkbook!({ title: '' })).rejects.toThrow('title: must not be empty');
    await expect(api.getAppInfo!()).rejects.toThrow('an answer of the wrong shape');
  });

  it('passes on only valid menu commands and can unsubscribe', () => {
    const api = exposed.workbook as { onMenuCommand(l: (c: string) => void): () => void };
    const received: string[] = [];
    const stop = api.onMenuCommand((c) => received.push(c));
    const deliver = listeners.get('workbook-menu:command')!;
    deliver({}, 'about');
    deliver({}, 'format-disk');
    expect(received).toEqual(['about']);
    stop();
    expect(listeners.has('workbook-menu:command')).toBe(false);
  });
});
