/**
 * The security headers of the server's own answers. Our pages (the demo, the console) load
 * nothing from elsewhere, so their policy names only this server; the API answers data and
 * is never a page. The embed bundle gets no policy: a script runs under the policy of the
 * page that embeds it, and only `nosniff` is ours to say.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sent with every answer: no guessing of content types, and no room links in a Referer. */
export function setBaseHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
}

/** For answers that are data, never a document: nothing may load, nobody may frame it. */
export const dataPolicy = "default-src 'none'; frame-ancestors 'none'";

// A Host header is the client's to choose: only a plain host[:port] goes into a policy.
const plainHost = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The policy of one of our pages. `'self'` covers same-origin sockets in current browsers;
 * the ws(s) origin is named too for those that read `'self'` as http(s) only.
 */
export function pagePolicy(
  request: IncomingMessage,
  { inlineStyles = false }: { inlineStyles?: boolean } = {},
): string {
  const host = request.headers.host;
  const sockets = host !== undefined && plainHost.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The demo page styles itself in one inline <style>; the console has none.
    `style-src 'self'${inlineStyles ? " 'unsafe-inline'" : ''}`,
    `connect-src 'self'${sockets}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
