/** One CSP for both hosts: nothing but the app's own files, no inline script, no network. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  // The browser host's API lives on the same origin; Electron's app:// has nothing to connect to.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  // DOM sinks take only Trusted Types, and the one policy allowed is Svelte's own for its compiled templates.
  "require-trusted-types-for 'script'",
  'trusted-types svelte-trusted-html',
].join('; ');
