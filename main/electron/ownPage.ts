/**
 * Where our own page lives, and whether a URL is it. The window loads this page, navigation
 * may not leave it, and only this page may call the core over IPC, so all three ask here.
 */
import { join } from 'node:path';
import { APP_HOST, APP_PAGE_URL, APP_SCHEME } from './appProtocol';

export type OwnPage =
  /** The built renderer, served from `rendererDir` on the app's own scheme (appProtocol.ts). */
  { kind: 'bundled'; rendererDir: string; url: string } | { kind: 'devServer'; url: string; origin: string };

/**
 * The built renderer inside the app, or the electron-vite dev server during `electron-vite dev`.
 * The caller passes the dev server URL only when the app is not packaged, so an environment
 * variable can never point an installed copy at someone else's page.
 */
export function locateOwnPage(appPath: string, devServerUrl: string | undefined): OwnPage {
  if (devServerUrl) {
    const url = new URL(devServerUrl);
    return { kind: 'devServer', url: url.href, origin: url.origin };
  }
  return { kind: 'bundled', rendererDir: join(appPath, 'out', 'renderer'), url: APP_PAGE_URL };
}

export function isOwnPageUrl(page: OwnPage, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (page.kind === 'devServer') return url.origin === page.origin;
  // Node gives a custom scheme the origin "null", so scheme and host are compared themselves.
  // The renderer may keep its place in the hash or query; the document itself must be ours.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname === '/index.html';
}
