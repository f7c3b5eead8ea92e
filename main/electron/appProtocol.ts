/**
 * The app's own scheme, `app://minutebook/…`, which serves the built renderer instead of file://.
 * A page on file:// shares its origin with every file on the computer; on this scheme the page has
 * an origin of its own, can read nothing but the renderer folder, and every answer carries the
 * Content-Security-Policy. The scheme must be registered as privileged before the app is ready;
 * the handler is installed once it is.
 */
import { realpath as realpathCallback } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'minutebook';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * standard: real origin and relative URLs like https; secure: treated as a secure context;
 * supportFetchAPI: the page's module scripts and fetches may load from it. Nothing more: no CSP
 * bypass, no service workers, no CORS from other origins.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** What the bundles in out/renderer may hold; anything else is sent as bytes the page cannot run. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The parts of a request the handler reads (Electron hands it a fetch Request). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export type AppProtocolHandler = (request: AppRequest) => Promise<Response>;

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** Electron's ASAR support covers fs.realpath (the callback form), which app.asar paths need. */
const realpath = promisify(realpathCallback);

function isInside(root: string, file: string): boolean {
  const inside = relative(root, file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/**
 * The file a URL names inside the renderer folder, or undefined when the URL is not ours or its
 * path would leave the folder (`..`, encoded separators, an absolute path, a NUL byte).
 */
export function fileForUrl(rendererDir: string, candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const wanted = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, wanted);
  return isInside(root, file) ? file : undefined;
}

/**
 * Serves GET and HEAD for regular files under `rendererDir` only. The file's real path (links
 * followed) must still be inside the folder's real path, and it must be a regular file: a folder,
 * special file or link out of the folder is refused like a missing file.
 */
export function createAppProtocolHandler(rendererDir: string): AppProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Minute Book serves its own page read-only.');
    const file = fileForUrl(rendererDir, request.url);
    if (!file) return refusal(404, 'Not part of Minute Book.');
    try {
      const [realRoot, realFile] = await Promise.all([realpath(rendererDir), realpath(file)]);
      if (!isInside(realRoot, realFile)) return refusal(404, 'Not part of Minute Book.');
      const info = await lstat(realFile);
      if (!info.isFile()) return refusal(404, 'Not part of Minute Book.');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return refusal(404, 'Not part of Minute Book.');
    }
  };
}
