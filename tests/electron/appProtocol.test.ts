/**
 * The app's own scheme on a real renderer folder in a temporary directory: index.html and the
 * bundles come back with their types and the Content-Security-Policy; nothing outside the folder
 * is reachable, by `..`, encoded separators, another host, a link or a special path.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, APP_SCHEME_PRIVILEGES, contentTypeFor, createAppProtocolHandler, fileForUrl } from '../../main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../main/core/contentSecurityPolicy';

let root: string;
let rendererDir: string;
let serve: ReturnType<typeof createAppProtocolHandler>;

const SECRET = 'the clerk’s private notes';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'minutebook-protocol-'));
  rendererDir = join(root, 'out', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Minute Book</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  await writeFile(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(root, 'out', 'secret.txt'), SECRET);
  await writeFile(join(root, 'secret.txt'), SECRET);
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.js'));
  await symlink(join(root, 'out'), join(rendererDir, 'outside'));
  serve = createAppProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function get(url: string, method = 'GET'): Promise<{ status: number; type: string | null; csp: string | null; body: string }> {
  const response = await serve({ url, method });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    body: await response.text(),
  };
}

describe('the app scheme', () => {
  it('is standard, secure and fetchable, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_PAGE_URL).toBe('app://minutebook/index.html');
  });
});

describe('serving the renderer folder', () => {
  it('serves index.html as HTML with the Content-Security-Policy', async () => {
    const page = await get('app://minutebook/index.html');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
    expect(page.body).toContain('<title>Minute Book</title>');
  });

  it('serves index.html for the bare origin', async () => {
    expect(await get('app://minutebook/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
  });

  it('serves the bundles with the types the page needs to run them', async () => {
    expect(await get('app://minutebook/assets/index-abc123.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log("app")',
    });
    expect(await get('app://minutebook/assets/index-abc123.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get('app://minutebook/assets/font.woff2')).toMatchObject({ status: 200, type: 'font/woff2' });
    expect(await get('app://minutebook/assets/index-abc123.js?v=1#x')).toMatchObject({ status: 200 });
  });

  it('answers HEAD without a body and refuses anything that would write', async () => {
    expect(await get('app://minutebook/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get('app://minutebook/index.html', 'POST')).status).toBe(405);
    expect((await get('app://minutebook/index.html', 'PUT')).status).toBe(405);
  });

  it('answers 404 for a file that is not there, and for a folder', async () => {
    expect((await get('app://minutebook/missing.js')).status).toBe(404);
    expect((await get('app://minutebook/assets')).status).toBe(404);
  });

  it('sends unknown kinds of file as bytes the page cannot run', () => {
    expect(contentTypeFor('/x/readme.unknown')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/INDEX.HTML')).toBe('text/html; charset=utf-8');
  });
});

describe('refusing everything outside the renderer folder', () => {
  it.each([
    ['../ in the path', 'app://minutebook/../secret.txt'],
    ['../ twice', 'app://minutebook/../../secret.txt'],
    ['encoded dots', 'app://minutebook/%2e%2e/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://minutebook/..%2F..%2Fsecret.txt'],
    ['an encoded backslash', 'app://minutebook/..%5C..%5Csecret.txt'],
    ['an absolute path', `app://minutebook/${encodeURIComponent(join(rendererDir ?? '/', '..', 'secret.txt'))}`],
    ['a malformed escape', 'app://minutebook/%E0%A4%A'],
    ['a NUL byte', 'app://minutebook/index.html%00.js'],
    ['a link out of the folder', 'app://minutebook/assets/link.js'],
    ['a linked folder', 'app://minutebook/outside/secret.txt'],
  ])('refuses %s', async (_label, url) => {
    const answer = await get(url);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain(SECRET);
  });

  it.each([
    ['another host', 'app://elsewhere/index.html'],
    ['a host with a port', 'app://minutebook:8080/index.html'],
    ['another scheme', 'file:///index.html'],
    ['no URL at all', 'not a url'],
  ])('refuses %s', async (_label, url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('names no file outside the folder for any of them', () => {
    expect(fileForUrl(rendererDir, 'app://minutebook/..%2F..%2Fsecret.txt')).toBeUndefined();
    expect(fileForUrl(rendererDir, 'app://minutebook/assets/index-abc123.js')).toBe(join(rendererDir, 'assets', 'index-abc123.js'));
  });
});
