// The renderer is served from a custom, privileged scheme rather than file:// (which would give the page
// the whole disk as its origin) or an http server (which any local process could talk to).
export const appScheme = 'app';
export const appHost = 'workbook';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** True only for URLs of the app's own origin. Parsing, not prefix matching, so `app://workbook.evil` fails. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '';
}

// Chromium makes these internal requests itself; none of them leaves the machine.
const internalSchemes = new Set(['devtools:', 'chrome-extension:', 'data:', 'blob:']);

/** The network rule for every request any page of the app makes: its own origin, or nothing. */
export function isAllowedRequestUrl(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  try {
    return internalSchemes.has(new URL(raw).protocol);
  } catch {
    return false;
  }
}
