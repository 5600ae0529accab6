// The loopback transport over real HTTP on 127.0.0.1: the token, Host and Origin checks, and the same
// payload validation as the Electron IPC path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/contracts/content-security-policy.ts';
import { startLoopbackApp, type RunningApp } from '../support/loopback-app.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Demand Workbook</title>');
writeFileSync(path.join(os.tmpdir(), 'outside.txt'), 'outside');

let app: RunningApp;
beforeAll(async () => {
  app = await startLoopbackApp(root);
});
afterAll(async () => {
  await app.stop();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http rather than fetch, so the test can send any Host header and raw paths.
function send(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(app.server.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(port), path: pathname, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const withToken = (headers: Record<string, string> = {}) => ({ 'x-workbook-token': app.server.token, ...headers });
const call = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  send(`/bridge/${method}`, { method: 'POST', headers: withToken({ 'Content-Type': 'application/json', ...headers }), body: JSON.stringify({ args }) });

describe('loopback server', () => {
  it('listens on 127.0.0.1 only, on a random port', () => {
    expect(app.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.server.token.length).toBeGreaterThanOrEqual(43);
  });

  it('refuses every request without the token', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/bridge/getAppInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}' })).status).toBe(401);
    expect((await send('/', { headers: { 'x-workbook-token': 'x'.repeat(43) } })).status).toBe(401);
    expect((await send('/?token=wrong')).status).toBe(401);
  });

  it('turns the launch link into an HttpOnly, SameSite cookie that then opens the app', async () => {
    const launch = await send(new URL(app.server.launchUrl).pathname + new URL(app.server.launchUrl).search);
    expect(launch.status).toBe(303);
    expect(launch.headers.location).toBe('/');
    const cookie = String(launch.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send('/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Demand Workbook');
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const reply = await send('/', { headers: withToken({ Host: 'evil.example:80' }) });
    expect(reply.status).toBe(421);
  });

  it('refuses bridge calls from another origin', async () => {
    const reply = await call('getAppInfo', [], { Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('answers a valid bridge call', async () => {
    const reply = await call('getAppInfo', []);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { transport: 'loopback', dataFolder: app.dataFolder, sendsDataOverNetwork: false } });
  });

  it('rejects a malformed payload with the same clear error as IPC', async () => {
    const reply = await call('renameWorkbook', [{ title: '' }]);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'bad-request', message: 'renameWorkbook argument 1, title: must not be empty' } });
  });

  it.each([
    ['broken JSON', '{"args": [', 'application/json', 'not valid JSON'],
    ['no args field', '{"arguments": []}', 'application/json', 'must be an object with an "args" array'],
    ['a form post', 'args=1', 'application/x-www-form-urlencoded', 'must be JSON'],
  ])('rejects %s', async (_label, body, type, message) => {
    const reply = await send('/bridge/getAppInfo', { method: 'POST', headers: withToken({ 'Content-Type': type }), body });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toContain(message);
  });

  it('refuses unknown methods, prototype names and GET on the bridge', async () => {
    expect((await call('__proto__', [])).status).toBe(404);
    expect((await call('deleteEverything', [])).status).toBe(404);
    expect((await send('/bridge/getAppInfo', { headers: withToken() })).status).toBe(405);
  });

  it('never serves a file outside the renderer build', async () => {
    for (const p of ['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/assets/../../outside.txt']) {
      const reply = await send(p, { headers: withToken() });
      expect(reply.status, p).toBe(404);
      expect(reply.body).not.toContain('outside');
    }
  });
});
