// The Content-Security-Policy of every page the renderer serves, in Electron (app:// protocol
// handler) and in headless mode (HTTP header): only our own scripts, styles and API; no inline
// code, no eval, no plugins, no framing, no form posts elsewhere.
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
