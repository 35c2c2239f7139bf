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
