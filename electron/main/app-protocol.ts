// Serves the built renderer on app://workbook/ with the app's security headers on every response.
import type { Protocol } from 'electron';
import { appSecurityHeaders } from '../../shared/contracts/content-security-policy.ts';
import { readStaticFile } from '../common/static-files.ts';
import { appScheme, isAppUrl } from './app-origin.ts';

/** Must run before the app's 'ready' event: a standard, secure scheme gets a real origin for CSP 'self'. */
export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export async function serveAppRequest(rendererRoot: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  if (!isAppUrl(request.url) || request.method !== 'GET') {
    return new Response('Not found', { status: 404, headers: appSecurityHeaders });
  }
  const file = await readStaticFile(rendererRoot, new URL(request.url).pathname);
  if (!file) return new Response('Not found', { status: 404, headers: appSecurityHeaders });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...appSecurityHeaders, 'Content-Type': file.contentType },
  });
}

export function handleAppScheme(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(rendererRoot, request));
}
