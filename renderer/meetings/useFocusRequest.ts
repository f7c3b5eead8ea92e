/**
 * Where the keyboard goes after the meeting screen changes under it (an item added, moved or
 * deleted, a new entry, the next item): the screen asks before the render, and the focus moves
 * once the render is on screen.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { ENTRY_FIRST_FIELD } from '../record/recordChange';

export type FocusRequest =
  | { kind: 'agendaItem'; itemId: string }
  | { kind: 'moveButton'; direction: 'up' | 'down' }
  | { kind: 'itemTitle' }
  | { kind: 'addItem' }
  | { kind: 'entry'; id: string }
  | { kind: 'minutes' };

function targetOf(root: HTMLElement, request: FocusRequest): HTMLElement | null {
  switch (request.kind) {
    case 'agendaItem':
      return root.querySelector(`[data-agenda-item-id="${request.itemId}"]`);
    case 'moveButton':
      return root.querySelector(`[data-agenda-move="${request.direction}"]`);
    case 'itemTitle':
      return root.querySelector('[data-item-title]');
    case 'entry':
      return root.querySelector(`[${ENTRY_FIRST_FIELD}="${request.id}"]`);
    case 'minutes':
      return root.querySelector('.item-pane [contenteditable="true"]');
    case 'addItem':
      return root.querySelector('[data-add-agenda-item]');
  }
}

/**
 * Returns `focusAfterRender`: the focus moves there after the next render inside `screen`.
 * `focusMinutes`, when given, puts the cursor back in the minutes where the clerk left it (the
 * editor's own selection) and says whether it could; otherwise the writing area is focused.
 */
export function useFocusRequest(screen: RefObject<HTMLElement | null>, focusMinutes?: () => boolean): (request: FocusRequest) => void {
  const pending = useRef<FocusRequest | null>(null);
  useLayoutEffect(() => {
    const request = pending.current;
    const root = screen.current;
    if (!request || !root) return;
    pending.current = null;
    if (request.kind === 'minutes' && focusMinutes?.()) return;
    const target = targetOf(root, request);
    target?.focus();
    if (target instanceof HTMLInputElement && target.type === 'text') target.select();
  });
  return (request) => {
    pending.current = request;
  };
}
