// The Electron security baseline, written against the exact API shapes Electron exposes so that unit tests
// can drive it with plain objects. Everything here denies by default: the app has one page, needs no
// permissions, never navigates and never talks to the network.
import type { Session, WebContents } from 'electron';
import { isAllowedRequestUrl } from './app-origin.ts';

type Hardenable = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;
type HardenableSession = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  setDevicePermissionHandler: Session['setDevicePermissionHandler'];
  webRequest: { onBeforeRequest: Session['webRequest']['onBeforeRequest'] };
};

export interface SecurityLog {
  blocked(kind: 'navigation' | 'window-open' | 'permission' | 'request' | 'webview', detail: string): void;
}

/** Every webContents the app ever creates goes through this (wired on app 'web-contents-created'). */
export function hardenWebContents(contents: Hardenable, log: SecurityLog): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.blocked('window-open', url);
    return { action: 'deny' };
  });
  // The app is a single page: every navigation, including to its own origin, is a bug or an attack.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.blocked('navigation', url);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log.blocked('navigation', url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.blocked('webview', 'webview tag');
  });
}

export function hardenSession(session: HardenableSession, log: SecurityLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.blocked('permission', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log.blocked('request', details.url);
    callback({ cancel: !allowed });
  });
}
