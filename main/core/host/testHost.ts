/**
 * The loopback test host: serves the built renderer and every operation of the contract over
 * HTTP on 127.0.0.1, with a server-sent event stream for pushes. It is how browser mode runs
 * the whole app where Electron cannot be installed, and how end-to-end tests drive the real
 * renderer against the real core. Only this machine can reach it, only its own page (no other
 * origin, not even another port of 127.0.0.1), and only with the token in a header; bad input
 * (too large, too deep, not JSON, a broken address) is answered with a sentence, never a 500.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { operationNames } from '../../domain/api';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy';
import { dispatchOperation } from '../dispatch';
import type { MinuteBookCore } from '../minuteBookCore';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface TestHostOptions {
  core: MinuteBookCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  /** Told of every request the host refused as not coming from its own page (browser mode prints them). */
  onRefused?: (refusal: HostRefusal) => void;
}

export interface HostRefusal {
  method: string;
  path: string;
  status: number;
  /** Why, in one sentence, e.g. "it came from another site (http://127.0.0.1:5173)". */
  reason: string;
}

export interface TestHost {
  /** The address to open, token included (for tests, which read it from the host's output). */
  url: string;
  /**
   * A single-use address for a browser started on a command line, which other users of the
   * computer can read: the code in it is swapped once for an HttpOnly cookie holding the token.
   */
  oneTimeUrl(): string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** The header that carries the token on every call; a page on another site can never set it on a request here. */
export const TOKEN_HEADER = 'x-minutebook-token';
/** Where the served page finds the token when it was opened with the one-time address (cookie only). */
export const TOKEN_META_NAME = 'minutebook-token';

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  const operations = new Set<string>(operationNames);
  const oneTimeCodes = new Set<string>();
  const COOKIE = 'minutebook-token';
  const streams = new Set<ServerResponse>();
  let origin = '';
  let port = 0;

  const matches = (offered: string | null | undefined): boolean => {
    const bytes = Buffer.from(offered ?? '');
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };
  const cookieToken = (request: IncomingMessage): string | undefined =>
    (header(request, 'cookie') ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .find(([name]) => name === COOKIE)?.[1];
  const hasToken = (request: IncomingMessage, offered: string | null | undefined): boolean => matches(offered) || matches(cookieToken(request));

  const unsubscribe = options.core.onEvent((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(line);
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { message: String(error), code: 'internal' } });
      else response.end();
    });
  });

  function report(request: IncomingMessage, status: number, reason: string): void {
    options.onRefused?.({ method: request.method ?? '', path: (request.url ?? '').split('?')[0] ?? '', status, reason });
  }

  function refuse(request: IncomingMessage, response: ServerResponse, status: number, reason: string, body: unknown): void {
    report(request, status, reason);
    sendJson(response, status, body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = refuseOtherSites(request, port);
    if (refusal?.status === 421) {
      report(request, refusal.status, refusal.reason);
      return void response
        .writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Misdirected request: Minute Book answers only at 127.0.0.1 or localhost.');
    }
    if (refusal) return void refuse(request, response, refusal.status, refusal.reason, forbidden());
    let url: URL;
    try {
      url = new URL(request.url ?? '/', origin);
    } catch {
      return void sendJson(response, 400, badRequest('The address of the request could not be read.'));
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (!hasToken(request, url.searchParams.get('token'))) return void refuse(request, response, 403, 'it did not carry the token', forbidden());
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice('/api/'.length);
      if (request.method !== 'POST' || !operations.has(name))
        return void sendJson(response, 404, { ok: false, error: { message: `Minute Book has no operation called “${name}”.`, code: 'unknown-operation' } });
      // The cookie alone is not enough: a browser sends it with requests other pages make, the header never.
      if (!matches(header(request, TOKEN_HEADER))) return void refuse(request, response, 403, 'it did not carry the token in its header', forbidden());
      if (!isJsonContentType(header(request, 'content-type'))) {
        return void refuse(
          request,
          response,
          415,
          'its body was not declared as JSON',
          badRequest('Minute Book only accepts requests whose body is JSON (Content-Type: application/json).', 'unsupported-media-type'),
        );
      }
      const body = await readBody(request);
      if (body.tooLarge) {
        return void sendJson(
          response,
          413,
          badRequest(`The request is too large for Minute Book (more than ${MAX_BODY_BYTES / (1024 * 1024)} MB); nothing in it was kept.`, 'too-large'),
        );
      }
      const input = parseJsonInput(body.text);
      if (!input.ok) return void sendJson(response, 400, badRequest(input.message));
      return void sendJson(response, 200, await dispatchOperation(options.core.handlers, name, input.value));
    }
    const code = url.searchParams.get('code');
    if (code !== null) {
      if (!oneTimeCodes.delete(code))
        return void response.writeHead(403, { 'content-type': 'text/plain' }).end('This address has already been used. Start Minute Book again.');
      response.writeHead(303, { location: '/', 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return void response
        .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The address holds a broken % escape, so Minute Book cannot tell which file it names.');
    }
    if (pathname === '/' || pathname === '/index.html') {
      // The page carries the token for its calls, so it is only served to a browser that holds it already.
      if (!hasToken(request, url.searchParams.get('token'))) {
        return void response
          .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Open Minute Book with the address it gave when it started; this one has no key.');
      }
      const meta = `<meta name="${TOKEN_META_NAME}" content="${escapeAttribute(token)}" />`;
      return serveStatic('/index.html', response, (html) =>
        /<head[^>]*>/i.test(html)
          ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`)
          : html.replace(/^(<!doctype html>)?/i, (doctype) => `${doctype}${meta}`),
      );
    }
    await serveStatic(pathname, response);
  }

  async function serveStatic(pathname: string, response: ServerResponse, rewrite?: (text: string) => string): Promise<void> {
    const relative = normalize(pathname).replace(/^([/\\])+/, '');
    if (relative.split(sep).includes('..')) return void response.writeHead(400).end();
    try {
      const bytes = await readFile(join(options.rendererDir, relative));
      const body = rewrite ? rewrite(bytes.toString('utf8')) : bytes;
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(relative)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    oneTimeUrl() {
      const code = randomBytes(16).toString('hex');
      oneTimeCodes.add(code);
      return `${origin}/?code=${code}`;
    },
    origin,
    token,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections and reconnecting event streams would otherwise hold the server open.
      server.closeAllConnections();
      await closed;
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Why a request must be refused before anything else is looked at, or undefined. A page on any
 * other origin — another port of 127.0.0.1 is another origin but the same site, so cookies go
 * with it — is told apart by what the browser itself sets and a page cannot forge: `Host` (a DNS
 * rebinding page reaches this port under its own name), `Origin` and `Sec-Fetch-Site`.
 */
export function refuseOtherSites(request: IncomingMessage, port: number): { status: number; reason: string } | undefined {
  const host = header(request, 'host') ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { status: 421, reason: `it was addressed to ${host || 'no host'}` };
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, reason: `the browser said it came from a ${site} page` };
  const from = header(request, 'origin');
  if (from !== undefined && from !== `http://${host}`) return { status: 403, reason: `it came from another site (${from})` };
  return undefined;
}

/** application/json, with or without parameters such as charset. */
function isJsonContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** Deeper than any input of the contract; refusing it before parsing keeps recursion in the parser and the schemas bounded. */
export const MAX_JSON_DEPTH = 64;

/** The body as JSON, or the sentence the clerk (or the caller) is told. */
export function parseJsonInput(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, message: `The request is nested more than ${MAX_JSON_DEPTH} levels deep, which no Minute Book screen sends; it was refused.` };
  }
  try {
    return { ok: true, value: JSON.parse(text || '{}') as unknown };
  } catch {
    return { ok: false, message: 'The request was not valid JSON.' };
  }
}

/** How deeply arrays and objects nest in JSON text, counted without parsing it (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function forbidden() {
  return { ok: false, error: { message: 'This request did not come from the Minute Book page, so it was refused.', code: 'forbidden' } };
}

function badRequest(message: string, code = 'invalid-input') {
  return { ok: false, error: { message, code } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * The body as text, or `tooLarge` once it passes the limit. An oversized body is read to its end
 * and thrown away (up to a bound), so the caller gets the 413 and its sentence rather than a
 * connection cut in mid-send.
 */
function readBody(request: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(header(request, 'content-length') ?? '0');
    if (declared > MAX_BODY_BYTES * 4) {
      request.resume();
      resolve({ text: '', tooLarge: true });
      return;
    }
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES * 4) {
        request.destroy();
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    let ended = false;
    request.on('end', () => {
      ended = true;
      resolve(size > MAX_BODY_BYTES ? { text: '', tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8'), tooLarge: false });
    });
    // Cut off (by the caller, or above for a body far past the limit): nobody is waiting for an answer.
    request.on('close', () => {
      if (!ended) reject(new Error('The request was cut off before its end.'));
    });
    request.on('error', reject);
  });
}
