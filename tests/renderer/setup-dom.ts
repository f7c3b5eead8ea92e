/**
 * What ProseMirror needs from a browser that jsdom does not provide (layout measurements), and
 * Testing Library's clean-up between tests (vitest runs without globals, so it is not automatic).
 * The setup file of the project "renderer" (vitest.config.ts): it runs before every file there,
 * also when the worker ran an earlier file (an import would register the clean-up only for the
 * first). In a file without a DOM the clean-up finds nothing to clean.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { PATIENCE_MS } from '../support/patience';

// findBy… and waitFor wait for the state, up to the hang bound, not Testing Library's 1 s default
// (a guess that fails on a busy machine).
configure({ asyncUtilTimeout: PATIENCE_MS });

const emptyRect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) } as DOMRect;

function emptyRectList(): DOMRectList {
  const list: DOMRect[] = [];
  return Object.assign(list, { item: () => null }) as unknown as DOMRectList;
}

if (typeof document !== 'undefined') {
  document.elementFromPoint ??= () => null;
  Range.prototype.getBoundingClientRect ??= () => emptyRect;
  Range.prototype.getClientRects ??= emptyRectList;
  HTMLElement.prototype.scrollIntoView ??= () => undefined;
  // ProseMirror's pasteHTML builds a ClipboardEvent; jsdom has none.
  globalThis.ClipboardEvent ??= class extends Event {
    readonly clipboardData: DataTransfer | null = null;
  } as typeof ClipboardEvent;
}

afterEach(() => {
  cleanup();
});
