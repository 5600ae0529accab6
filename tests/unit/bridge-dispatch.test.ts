import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeMethodNames, type BackendHandlers } from '../../shared/contracts/bridge.ts';
import { BridgeCallError, createDispatcher, unwrapEnvelope } from '../../shared/contracts/dispatch.ts';
import { createBackend, demoWorkbookTitle } from '../../electron/backend/backend.ts';

const backend = () =>
  createBackend({ productName: 'Demand Workbook', version: '1.2.3', transport: 'loopback', dataFolder: mkdtempSync(path.join(os.tmpdir(), 'dispatch-')), now: () => new Date('2026-01-05T10:00:00Z'), chooseSavePath: async () => null });

describe('bridge dispatcher', () => {
  it('calls the handler with validated, normalised arguments and returns a validated result', async () => {
    const dispatch = createDispatcher(backend());
    const renamed = await dispatch('renameWorkbook', [{ title: '  Northshire \u00a0 2026  ' }]);
    expect(renamed).toEqual({ ok: true, value: expect.objectContaining({ title: 'Northshire 2026', isDemo: true }) });
  });

  it('opens on the demo workbook and can start an empty one', async () => {
    const dispatch = createDispatcher(backend());
    expect(unwrapEnvelope('getWorkbook', await dispatch('getWorkbook', []))).toMatchObject({ title: demoWorkbookTitle, isDemo: true, filePath: null });
    expect(unwrapEnvelope('newWorkbook', await dispatch('newWorkbook', []))).toMatchObject({ title: 'Untitled workbook', isDemo: false });
  });

  it.each([
    ['a missing argument', [], 'renameWorkbook takes 1 argument, but got 0.'],
    ['a wrong type', [{ title: 42 }], 'argument 1, title'],
    ['an empty title', [{ title: '   ' }], 'argument 1, title: must not be empty'],
    ['a too-long title', [{ title: 'x'.repeat(121) }], 'must be at most 120 characters'],
    ['an unknown field', [{ title: 'ok', extra: 1 }], 'argument 1'],
    ['too many arguments', [{ title: 'ok' }, 'more'], 'renameWorkbook takes 1 argument, but got 2.'],
    ['arguments that are not a list', { title: 'ok' }, 'but got something that is not a list'],
  ])('rejects %s with a message naming the place', async (_label, args, message) => {
    const result = await createDispatcher(backend())('renameWorkbook', args);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.message).toContain(message);
    }
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null])('refuses the non-method %s', async (name) => {
    const result = await createDispatcher(backend())(name, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('reports a handler that throws, and a handler whose result breaks the contract', async () => {
    const broken: BackendHandlers = {
      ...backend(),
      getWorkbook: () => {
        throw new Error('disk unplugged');
      },
      getAppInfo: () => ({ productName: 'x', version: 'not-a-version', transport: 'loopback', dataFolder: '/d', sendsDataOverNetwork: false }),
    };
    const dispatch = createDispatcher(broken);
    expect(await dispatch('getWorkbook', [])).toEqual({ ok: false, error: { code: 'handler-failed', message: 'disk unplugged' } });
    expect(await dispatch('getAppInfo', [])).toMatchObject({ ok: false, error: { code: 'bad-result', message: expect.stringContaining('result version') } });
  });

  it('the calling side checks the envelope and the result too', () => {
    expect(() => unwrapEnvelope('getWorkbook', { ok: true })).toThrow(BridgeCallError);
    expect(() => unwrapEnvelope('getWorkbook', { ok: true, value: { title: 7 } })).toThrow(/result/);
    expect(() => unwrapEnvelope('getWorkbook', { ok: false, error: { code: 'bad-request', message: 'nope' } })).toThrow('nope');
  });

  it('every method has a handler in the backend', () => {
    expect(Object.keys(backend()).filter((k) => k !== 'shutdown' && k !== 'openFile').sort()).toEqual([...bridgeMethodNames].sort());
  });
});
