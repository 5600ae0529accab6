// The page's Content-Security-Policy, identical for the Electron app:// scheme and the loopback server.
// Only the app's own origin is allowed: no remote scripts, styles, fonts or connections, no eval, no
// inline script, no framing, no plugins. 'self' is the app:// origin in Electron and 127.0.0.1:port on
// loopback, so the renderer can reach nothing outside the app whichever transport carries it.
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['manifest-src', "'none'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['child-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const contentSecurityPolicy = directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** Headers every response that carries app content gets, on both transports. */
export const appSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
};
