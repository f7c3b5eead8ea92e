/** The loopback test host answers only this machine, only with the token, and serves the contract. */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/core/contentSecurityPolicy';
import { startTestHost, type TestHost } from '../../main/core/host/testHost';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
let host: TestHost;
beforeEach(async () => {
  temp = await makeTempLibrary();
  const rendererDir = join(temp.root, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Minute Book</title>');
  host = await startTestHost({ core: temp.startCore(), rendererDir });
});
afterEach(async () => {
  await host.close();
  await temp.remove();
});

function call(name: string, body: unknown, token = host.token) {
  return fetch(`${host.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-minutebook-token': token }, body: JSON.stringify(body) });
}

describe('the loopback test host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs operations of the contract for the page that holds the token', async () => {
    const created = await (await call('meetings.create', sampleDetails)).json();
    expect(created).toMatchObject({ ok: true, value: { meeting: { committee: sampleDetails.committee } } });
    const listed = await (await call('meetings.list', {})).json();
    expect(listed.value.meetings).toHaveLength(1);
  });

  it('swaps a one-time address for an HttpOnly cookie, once', async () => {
    const address = host.oneTimeUrl();
    const first = await fetch(address, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^minutebook-token=[0-9a-f]+; HttpOnly; SameSite=Strict; Path=\//);
    const listed = await fetch(`${host.origin}/api/meetings.list`, { method: 'POST', headers: { cookie: cookie.split(';')[0]! }, body: '{}' });
    expect((await listed.json()).ok).toBe(true);
    expect((await fetch(address, { redirect: 'manual' })).status).toBe(403);
  });

  it('refuses a caller without the token', async () => {
    const response = await call('meetings.list', {}, 'wrong');
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  it('returns the core’s own message for invalid input', async () => {
    const reply = await (await call('meetings.open', { meetingId: '../../etc' })).json();
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-input', message: 'meetings.open was refused: an id may only hold letters, digits, "-" and "_" (at meetingId).' } });
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const response = await fetch(host.url);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('Minute Book');
  });

  it('sends the same policy the page carries in its meta tag', async () => {
    const page = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect((await fetch(host.url)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const port = new URL(host.origin).port;
      request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (response) => resolve(response.statusCode ?? 0))
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });
});
