/**
 * The one Content-Security-Policy of the app's page: nothing but our own files, no inline
 * script or style, no remote origin. The Electron shell and the loopback test host send it as a
 * header; renderer/index.html carries the same policy as a meta tag, less frame-ancestors, which
 * browsers ignore in a meta tag (a test keeps the two in step).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
