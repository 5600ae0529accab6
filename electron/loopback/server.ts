// The second transport of the bridge: an HTTP server on 127.0.0.1 that hosts the same dispatcher as the
// Electron main process and serves the same built renderer. Used by `npm run dev:web` and by the browser
// tests. It is locked to this machine and this run:
// - it listens on 127.0.0.1 only, on a random port;
// - every request must carry the per-run random token (a cookie set from the launch URL, or a header);
// - the Host header must name this server, which defeats DNS rebinding;
// - bridge calls must be same-origin JSON POSTs, which defeats cross-site requests from other pages.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appSecurityHeaders } from '../../shared/contracts/content-security-policy.ts';
import type { BridgeEnvelope } from '../../shared/contracts/dispatch.ts';
import type { EncodedAnswer } from '../backend-host/encoded.ts';
import type { BackendHost } from '../backend-host/host.ts';
import { readStaticFile } from '../common/static-files.ts';

export interface LoopbackServerOptions {
  /** The backend: in a worker thread (dev:web, the browser tests) or in this thread (unit tests). */
  host: BackendHost;
  rendererRoot: string;
  /** Defaults to 0: the system picks a free port. */
  port?: number;
  /** Largest bridge request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export interface LoopbackServer {
  readonly origin: string;
  /** Open this once in a browser: it carries the token, which the server turns into a cookie. */
  readonly launchUrl: string;
  readonly token: string;
  close(): Promise<void>;
}

export const bridgePathPrefix = '/bridge/';
export const tokenHeader = 'x-workbook-token';

// A cancelled call ended as the person asked: not an HTTP error (the envelope still says ok: false).
const statusByCode: Record<string, number> = { 'unknown-method': 404, 'bad-request': 400, 'handler-failed': 500, 'bad-result': 500, cancelled: 200, transport: 503 };

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
  let port = 0;
  const cookieName = () => `workbook_token_${port}`; // cookies ignore ports: name them per server

  const tokenMatches = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const bytes = Buffer.from(candidate);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const send = (res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { ...appSecurityHeaders, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  };
  const sendEnvelope = (res: ServerResponse, envelope: BridgeEnvelope) =>
    send(res, envelope.ok ? 200 : (statusByCode[envelope.error.code] ?? 400), JSON.stringify(envelope), {
      'Content-Type': 'application/json; charset=utf-8',
    });
  // The backend's answer is JSON already: passed on as bytes, never parsed here.
  const sendAnswer = (res: ServerResponse, answer: EncodedAnswer) =>
    send(res, answer.ok ? 200 : (statusByCode[answer.code ?? ''] ?? 400), Buffer.from(answer.json.buffer, answer.json.byteOffset, answer.json.byteLength), {
      'Content-Type': 'application/json; charset=utf-8',
    });
  const badRequest = (res: ServerResponse, message: string) =>
    sendEnvelope(res, { ok: false, error: { code: 'bad-request', message } });

  async function handleBridge(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return send(res, 403, 'Forbidden: cross-origin request');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return badRequest(res, `${method}: the request must be JSON (Content-Type: application/json).`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBodyBytes) return badRequest(res, `${method}: the request is larger than ${maxBodyBytes} bytes.`);
      chunks.push(chunk as Buffer);
    }
    // Read as JSON by the backend (in its worker), not here: a 100,000-row paste is tens of megabytes.
    sendAnswer(res, await options.host.callWithJsonBody(method, Buffer.concat(chunks)));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, 'Misdirected request');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    const launchToken = url.searchParams.get('token');
    if (req.method === 'GET' && launchToken !== null) {
      if (!tokenMatches(launchToken)) return send(res, 401, 'Unauthorised: wrong or expired link. Restart npm run dev:web.');
      url.searchParams.delete('token');
      return send(res, 303, '', {
        Location: url.pathname + url.search,
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const cookieToken = parseCookies(req.headers.cookie)[cookieName()];
    const headerToken = req.headers[tokenHeader];
    if (!tokenMatches(cookieToken) && !tokenMatches(typeof headerToken === 'string' ? headerToken : undefined)) {
      return send(res, 401, 'Unauthorised: open the link that npm run dev:web printed.');
    }

    if (url.pathname.startsWith(bridgePathPrefix)) {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', { Allow: 'POST' });
      return handleBridge(req, res, url.pathname.slice(bridgePathPrefix.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { Allow: 'GET' });
    const file = await readStaticFile(options.rendererRoot, url.pathname);
    if (!file) return send(res, 404, 'Not found');
    send(res, 200, req.method === 'HEAD' ? '' : file.body, { 'Content-Type': file.contentType });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
      console.error('[loopback] request failed:', err);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    launchUrl: `${origin}/?token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return cookies;
}
