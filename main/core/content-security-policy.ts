/**
 * The renderer's Content Security Policy, sent by the browser-mode server and by the desktop
 * app's session. Same-origin scripts, styles and WebSocket only; no inline script, no eval, no
 * plugins, no framing. Images may be data: or blob: URLs (contact photos).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy for the page's <meta> tag, which Electron needs for file:// pages (its header
 * hook does not see them). Browsers ignore `frame-ancestors` in a meta tag, so it is left out.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
