/**
 * The loopback test host: serves the built renderer and every operation of the contract over
 * HTTP on 127.0.0.1, with a server-sent event stream for pushes. It is how browser mode runs
 * the whole app where Electron cannot be installed, and how end-to-end tests drive the real
 * renderer against the real core. Only this machine can reach it, and only with the token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { operationNames } from '../../domain/api';
import { CONTENT_SECURITY_POLICY } from '../contentSecurityPolicy';
import { dispatchOperation } from '../dispatch';
import type { MinuteBookCore } from '../service';


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

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const tokenBytes = Buffer.from(token);
  const operations = new Set<string>(operationNames);
  const oneTimeCodes = new Set<string>();
  const COOKIE = 'minutebook-token';
  const streams = new Set<ServerResponse>();
  let origin = '';

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

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Refuse pages from other sites that point a request at this port (DNS rebinding).
    if (request.headers.host !== origin.replace('http://', '')) {
      response.writeHead(421).end('Misdirected request');
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (!hasToken(request, url.searchParams.get('token'))) return void sendJson(response, 403, forbidden());
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice('/api/'.length);
      if (request.method !== 'POST' || !operations.has(name)) return void sendJson(response, 404, { ok: false, error: { message: `No operation ${name}.`, code: 'unknown-operation' } });
      if (!hasToken(request, header(request, 'x-minutebook-token'))) return void sendJson(response, 403, forbidden());
      let input: unknown;
      try {
        input = JSON.parse((await readBody(request)) || '{}');
      } catch {
        return void sendJson(response, 400, { ok: false, error: { message: 'The request was not valid JSON.', code: 'invalid-input' } });
      }
      return void sendJson(response, 200, await dispatchOperation(options.core.handlers, name, input));
    }
    const code = url.searchParams.get('code');
    if (code !== null) {
      if (!oneTimeCodes.delete(code)) return void response.writeHead(403, { 'content-type': 'text/plain' }).end('This address has already been used. Start Minute Book again.');
      response.writeHead(303, { location: '/', 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` }).end();
      return;
    }
    await serveStatic(url.pathname, response);
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    if (relative.split(sep).includes('..')) return void response.writeHead(400).end();
    try {
      const body = await readFile(join(options.rendererDir, relative));
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
  const port = (server.address() as AddressInfo).port;
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

function forbidden() {
  return { ok: false, error: { message: 'This request did not come from the Minute Book page.', code: 'forbidden' } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('The request is too large.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
