// The Electron main-process modules, driven with objects shaped like Electron's API. Electron itself cannot
// run on these machines; these tests pin the security baseline the real app wires together in main.ts.
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bridgeMethodNames, ipcChannelFor } from '../../shared/contracts/bridge.ts';
import { contentSecurityPolicy } from '../../shared/contracts/content-security-policy.ts';
import { createDispatcher } from '../../shared/contracts/dispatch.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { appEntryUrl, isAllowedRequestUrl, isAppUrl } from '../../electron/main/app-origin.ts';
import { registerAppSchemePrivileges, serveAppRequest } from '../../electron/main/app-protocol.ts';
import { isTrustedSender, registerBridgeHandlers } from '../../electron/main/ipc.ts';
import { inProcessHost } from '../../electron/backend-host/host.ts';
import { buildMenuTemplate } from '../../electron/main/menu.ts';
import { hardenSession, hardenWebContents, type SecurityLog } from '../../electron/main/security.ts';
import { mainWindowOptions } from '../../electron/main/window-options.ts';

const quietLog = (): SecurityLog & { entries: string[] } => {
  const entries: string[] = [];
  return { entries, blocked: (kind, detail) => void entries.push(`${kind}: ${detail}`) };
};

describe('main window', () => {
  it('runs the page isolated, sandboxed, without Node, with web security on', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
  it('loads the renderer from the app:// scheme', () => {
    expect(appEntryUrl).toBe('app://workbook/index.html');
  });
});

describe('web contents hardening', () => {
  const setup = () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
      on: (name: string, listener: (event: { preventDefault(): void }, url: string) => void) => void listeners.set(name, listener),
    };
    const log = quietLog();
    hardenWebContents(contents as never, log);
    return { listeners, openHandler: openHandler!, log };
  };

  it('denies every new window', () => {
    const { openHandler, log } = setup();
    expect(openHandler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://workbook/index.html' })).toEqual({ action: 'deny' });
    expect(log.entries).toHaveLength(2);
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s, even to the app itself', (name) => {
    const { listeners } = setup();
    const event = { preventDefault: vi.fn() };
    listeners.get(name)!(event, 'app://workbook/other.html');
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('session hardening', () => {
  const setup = () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => void (handlers.request = h),
      setPermissionCheckHandler: (h: never) => void (handlers.check = h),
      setDevicePermissionHandler: (h: never) => void (handlers.device = h),
      webRequest: { onBeforeRequest: (h: never) => void (handlers.beforeRequest = h) },
    };
    hardenSession(session as never, quietLog());
    return handlers as Record<string, (...args: unknown[]) => unknown>;
  };

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('refuses the %s permission', (permission) => {
    const handlers = setup();
    const callback = vi.fn();
    handlers.request!({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check!({}, permission)).toBe(false);
    expect(handlers.device!({})).toBe(false);
  });

  it.each([
    ['https://example.org/telemetry', true],
    ['http://127.0.0.1:8080/', true],
    ['ws://localhost:9000/', true],
    ['file:///etc/passwd', true],
    ['app://workbook.evil.example/x.js', true],
    ['app://workbook/assets/index.js', false],
    ['data:image/png;base64,AAAA', false],
  ])('blocks %s: %s', (url, cancel) => {
    const callback = vi.fn();
    setup().beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
  });

  it('parses URLs rather than matching prefixes', () => {
    expect(isAppUrl('app://workbook/index.html')).toBe(true);
    expect(isAppUrl('app://workbook@evil.example/')).toBe(false);
    expect(isAppUrl('app://user:pw@workbook/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAllowedRequestUrl('https://fonts.googleapis.com/css')).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
  it('allows only the app itself, with no eval and no inline script', () => {
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(os.tmpdir(), 'secret.txt'), 'secret');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves built files with the CSP on every response', async () => {
    const response = await serveAppRequest(root, { url: 'app://workbook/assets/app.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await serveAppRequest(root, { url: 'app://workbook/', method: 'GET' })).status).toBe(200);
  });

  it.each(['app://workbook/../secret.txt', 'app://workbook/%2e%2e/secret.txt', 'app://workbook/..%2fsecret.txt', 'app://other/index.html', 'app://workbook/missing.js'])(
    'refuses %s',
    async (url) => {
      const response = await serveAppRequest(root, { url, method: 'GET' });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
    },
  );

  it('registers app:// as a standard, secure scheme', () => {
    const registered: unknown[] = [];
    registerAppSchemePrivileges({ registerSchemesAsPrivileged: (s) => void registered.push(...s) });
    expect(registered).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });
});

describe('IPC bridge handlers', () => {
  const backend = createBackend({ productName: 'Demand Workbook', version: '1.0.0', transport: 'electron', dataFolder: mkdtempSync(path.join(os.tmpdir(), 'shell-')), chooseSavePath: async () => null });
  const registered = new Map<string, (event: IpcMainInvokeEvent, args: unknown) => Promise<Uint8Array>>();
  registerBridgeHandlers({ handle: (channel, fn) => void registered.set(channel, fn as never) }, inProcessHost(createDispatcher(backend), backend), () => 7);
  // The main process answers with the envelope as JSON bytes, which the preload reads.
  // Calls carry {"args": [...]} as JSON bytes, as the preload sends them.
  const handlers = new Map(
    [...registered].map(([channel, fn]) => [channel, async (e: IpcMainInvokeEvent, args: unknown) => JSON.parse(Buffer.from(await fn(e, new TextEncoder().encode(JSON.stringify({ args })))).toString('utf8')) as unknown]),
  );
  const event = (url: string, id = 7, parent: object | null = null) => ({ sender: { id }, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

  it('registers one channel per bridge method and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(bridgeMethodNames.map(ipcChannelFor).sort());
  });

  it('answers the app window', async () => {
    const result = await handlers.get('workbook:getAppInfo')!(event('app://workbook/index.html'), []);
    expect(result).toMatchObject({ ok: true, value: { transport: 'electron', sendsDataOverNetwork: false } });
  });

  it('rejects a malformed payload with a clear error', async () => {
    const result = await handlers.get('workbook:renameWorkbook')!(event('app://workbook/index.html'), [{ title: '' }]);
    expect(result).toEqual({ ok: false, error: { code: 'bad-request', message: 'renameWorkbook argument 1, title: must not be empty' } });
  });

  it.each([
    ['another origin', event('https://evil.example/')],
    ['another window', event('app://workbook/index.html', 8)],
    ['an iframe', event('app://workbook/index.html', 7, {})],
  ])('refuses a call from %s', async (_label, from) => {
    const result = await handlers.get('workbook:getAppInfo')!(from, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('did not come from the app window') } });
  });

  it('refuses a call whose arguments are not JSON bytes', async () => {
    const answer = await registered.get('workbook:getAppInfo')!(event('app://workbook/index.html'), []);
    expect(JSON.parse(Buffer.from(answer).toString('utf8'))).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'getAppInfo: the call must carry its arguments as JSON bytes.' } });
  });

  it('refuses all calls before the window exists', () => {
    expect(isTrustedSender(event('app://workbook/index.html') as never, () => null)).toBe(false);
  });
});

describe('application menu', () => {
  it('has File (New, Open, Save As, Import lists, Export to Excel, Quit) and Help (About, Where is my data)', () => {
    const sent: string[] = [];
    const template = buildMenuTemplate((c) => void sent.push(c), 'win32');
    const file = template.find((m) => m.label === '&File')!;
    const help = template.find((m) => m.label === '&Help')!;
    const labels = (menu: typeof file) => (menu.submenu as Array<{ label?: string }>).filter((i) => i.label).map((i) => i.label!.replace(/&/g, ''));
    expect(labels(file)).toEqual(['New workbook', 'Open workbook…', 'Save workbook as…', 'Import lists…', 'Export to Excel…', 'Exit']);
    expect(labels(help)).toEqual(['About Demand Workbook', 'Where is my data?']);
    for (const item of [...(file.submenu as Array<{ click?: () => void }>), ...(help.submenu as Array<{ click?: () => void }>)]) item.click?.();
    expect(sent).toEqual(['new-workbook', 'open-workbook', 'save-workbook-as', 'import-lists', 'export-excel', 'about', 'where-is-my-data']);
  });

  it('uses the macOS application menu on macOS', () => {
    expect(buildMenuTemplate(() => undefined, 'darwin')[0]).toEqual({ role: 'appMenu' });
  });
});
