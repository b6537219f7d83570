import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as v from 'valibot';

/** An HTTP error with the API's `{ error: { code, message } }` shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The path and query a request asks for. The target is the first thing a client sends that
 * meets a parser which throws (`//a:99999/` reads as a host with a bad port), so every entry
 * point, plain requests and upgrades, reads it here: an origin-form target (`/path?query`) is
 * always a path on this server, an absolute-form one (`http://host/path`) gives its path, and
 * anything else is a 400.
 */
export function requestTarget(request: IncomingMessage): URL {
  const target = request.url ?? '/';
  try {
    return new URL(target.startsWith('/') ? `http://localhost${target}` : target);
  } catch {
    throw new HttpError(400, 'bad_target', 'The request target is not a path.');
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: HttpError): void {
  sendJson(response, error.status, { error: { code: error.code, message: error.message } });
}

const maxBody = 64 * 1024;

/** Reads a JSON body of at most 64 KiB; an empty body is `{}`. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBody) throw new HttpError(413, 'too_large', 'The request body is over 64 KiB.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'malformed', 'The request body is not valid JSON.');
  }
}

/** The token of an `Authorization: Bearer …` header. */
export function bearer(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** Reads a body that must be a JSON object. */
export async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid', 'The body is a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** A schema issue as a 400 naming the field, e.g. "recording.url: Invalid length". */
export function invalid(issue: v.BaseIssue<unknown>, prefix?: string): HttpError {
  const path = [prefix, ...(issue.path?.map((item) => String(item.key)) ?? [])].filter(Boolean).join('.');
  return new HttpError(400, 'invalid', path ? `${path}: ${issue.message}` : issue.message);
}

export const notFound = () => new HttpError(404, 'not_found', 'No such API endpoint.');
export const methodNotAllowed = (allowed: string) =>
  new HttpError(405, 'method_not_allowed', `Allowed here: ${allowed}.`);
