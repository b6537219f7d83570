/**
 * Serves the few static files Plenum has (the embed bundle, the demo page, the console)
 * with an ETag, gzip or brotli, and the CORS headers a cross-origin module script needs.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

interface Prepared {
  mtimeMs: number;
  etag: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

const cache = new Map<string, Prepared>();

async function prepare(path: string): Promise<Prepared | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const cached = cache.get(path);
  if (cached?.mtimeMs === info.mtimeMs) return cached;
  const raw = await readFile(path);
  const prepared: Prepared = {
    mtimeMs: info.mtimeMs,
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
  };
  cache.set(path, prepared);
  return prepared;
}

export interface ServeOptions {
  /** Any origin may load it (the embed script), or only the page's own. */
  crossOrigin?: boolean;
  cacheControl?: string;
  /** Extra headers, e.g. a Content-Security-Policy for our own pages. */
  headers?: Record<string, string>;
}

/** Answers with the file, or returns false when it does not exist. */
export async function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  options: ServeOptions = {},
): Promise<boolean> {
  const file = await prepare(path);
  if (!file) return false;
  response.setHeader('Content-Type', types[extname(path)] ?? 'application/octet-stream');
  response.setHeader('ETag', file.etag);
  response.setHeader('Cache-Control', options.cacheControl ?? 'no-cache');
  response.setHeader('Vary', 'Accept-Encoding');
  if (options.crossOrigin) {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
  if (request.headers['if-none-match'] === file.etag) {
    response.writeHead(304).end();
    return true;
  }
  const accepts = String(request.headers['accept-encoding'] ?? '');
  let body = file.raw;
  if (/\bbr\b/.test(accepts)) {
    response.setHeader('Content-Encoding', 'br');
    body = file.br;
  } else if (/\bgzip\b/.test(accepts)) {
    response.setHeader('Content-Encoding', 'gzip');
    body = file.gzip;
  }
  response.setHeader('Content-Length', body.length);
  response.writeHead(200).end(request.method === 'HEAD' ? undefined : body);
  return true;
}
