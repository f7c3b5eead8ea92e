/**
 * Where our own page lives, and whether a URL is it. The window loads this page, navigation
 * may not leave it, and only this page may call the core over IPC, so all three ask here.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type OwnPage =
  | { kind: 'file'; filePath: string; url: string }
  | { kind: 'devServer'; url: string; origin: string };

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
  const filePath = join(appPath, 'out', 'renderer', 'index.html');
  return { kind: 'file', filePath, url: pathToFileURL(filePath).href };
}

export function isOwnPageUrl(page: OwnPage, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (page.kind === 'devServer') return url.origin === page.origin;
  // The renderer may keep its place in the hash or query; the document itself must be ours.
  url.hash = '';
  url.search = '';
  return url.href === page.url;
}
