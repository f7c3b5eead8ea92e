/**
 * Name completion in the minutes: typing "@" (optionally followed by letters), or the first three
 * letters of a present attendee's surname at the start of a word, offers the names of those present
 * in a listbox; Up/Down choose, Tab (or Enter after "@" or after choosing) inserts the display form
 * ("Councillor Liz Hardman") in place of what was typed, Escape closes. Typing on past what matches
 * also closes it.
 *
 * Runs entirely inside ProseMirror (a plugin with its own DOM for the list), so typing never
 * re-renders React; with the list closed each keystroke costs one short regular expression.
 */
import { Extension } from '@tiptap/react';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export interface CompletionName {
  id: string;
  name: string;
  displayName: string;
}

export interface NameCompletionOptions {
  /** Those who may be named now; read when the list opens, so the editor never needs recreating. */
  names: () => readonly CompletionName[];
}

interface CompletionState {
  /** Where the replaced text starts ("@" or the first letter) and ends (the cursor). */
  from: number;
  to: number;
  trigger: 'at' | 'surname';
  query: string;
  options: readonly CompletionName[];
  active: number;
  /** The clerk moved through the list: Enter then inserts. Without this, Enter after a surname is just Enter. */
  chosen: boolean;
}

type Meta = { type: 'move'; by: number } | { type: 'dismiss' };

interface PluginState {
  open: CompletionState | null;
  /** Escape closes the list until the clerk starts another word or another "@". */
  dismissedFrom: number | null;
}

export const nameCompletionKey = new PluginKey<PluginState>('minutebookNameCompletion');

const AT_QUERY = /(?:^|[\s(])@([\p{L}'’-]*)$/u;
const WORD_START = /(?:^|[\s(])([\p{L}'’-]{3,})$/u;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
}

function surnameOf(person: CompletionName): string {
  return words(person.name).at(-1) ?? '';
}

export function namesMatching(names: readonly CompletionName[], query: string, trigger: 'at' | 'surname'): CompletionName[] {
  const wanted = query.toLowerCase();
  if (trigger === 'surname') return names.filter((person) => surnameOf(person).startsWith(wanted));
  if (wanted === '') return names.slice();
  return names.filter((person) => [...words(person.name), ...words(person.displayName)].some((word) => word.startsWith(wanted)));
}

function findCompletion(state: EditorState, names: () => readonly CompletionName[], dismissedFrom: number | null): CompletionState | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $from = selection.$from;
  if (!$from.parent.isTextblock) return null;
  const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 60), $from.parentOffset, undefined, '\ufffc');
  const at = AT_QUERY.exec(before);
  const word = at ? null : WORD_START.exec(before);
  const match = at ?? word;
  if (!match) return null;
  const query = match[1] ?? '';
  const trigger = at ? 'at' : 'surname';
  const from = $from.pos - query.length - (trigger === 'at' ? 1 : 0);
  if (from === dismissedFrom) return null;
  const options = namesMatching(names(), query, trigger);
  if (options.length === 0) return null;
  return { from, to: $from.pos, trigger, query, options, active: 0, chosen: false };
}

let listCount = 0;

class CompletionListView {
  private readonly list: HTMLUListElement;
  private shown: CompletionState | null = null;

  constructor(
    private readonly view: EditorView,
    readonly listId: string,
  ) {
    this.list = document.createElement('ul');
    this.list.id = listId;
    this.list.className = 'name-completion';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Names of those present');
    this.list.hidden = true;
    // Clicking a name must not take focus from the editor.
    this.list.addEventListener('mousedown', (event) => {
      event.preventDefault();
      const option = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (option) acceptCompletion(this.view, Number(option.dataset.index));
    });
    view.dom.parentElement?.appendChild(this.list);
    this.update(view);
  }

  update(view: EditorView): void {
    const open = nameCompletionKey.getState(view.state)?.open ?? null;
    if (open === this.shown) return;
    this.shown = open;
    if (!open) {
      this.list.hidden = true;
      this.list.replaceChildren();
      return;
    }
    this.list.replaceChildren(
      ...open.options.map((person, index) => {
        const option = document.createElement('li');
        option.id = `${this.listId}-${index}`;
        option.className = 'name-completion__option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(index === open.active));
        option.dataset.index = String(index);
        option.textContent = person.displayName;
        return option;
      }),
    );
    this.list.hidden = false;
    this.place(view, open.from);
  }

  private place(view: EditorView, pos: number): void {
    const frame = this.list.parentElement;
    if (!frame) return;
    try {
      const at = view.coordsAtPos(pos);
      const box = frame.getBoundingClientRect();
      this.list.style.left = `${Math.max(0, at.left - box.left)}px`;
      this.list.style.top = `${at.bottom - box.top + 4}px`;
    } catch {
      // Without layout (tests) the list simply sits at the frame's corner.
    }
  }

  destroy(): void {
    this.list.remove();
  }
}

function acceptCompletion(view: EditorView, index?: number): boolean {
  const open = nameCompletionKey.getState(view.state)?.open;
  if (!open) return false;
  const person = open.options[index ?? open.active];
  if (!person) return false;
  view.dispatch(view.state.tr.insertText(person.displayName, open.from, open.to).setMeta(nameCompletionKey, { type: 'dismiss' } satisfies Meta));
  view.focus();
  return true;
}

export function nameCompletionPlugin(options: NameCompletionOptions): Plugin<PluginState> {
  const listId = `name-completion-${++listCount}`;
  return new Plugin<PluginState>({
    key: nameCompletionKey,
    state: {
      init: () => ({ open: null, dismissedFrom: null }),
      apply(tr, previous, _oldState, newState) {
        const meta = tr.getMeta(nameCompletionKey) as Meta | undefined;
        if (meta?.type === 'move' && previous.open) {
          const count = previous.open.options.length;
          return { ...previous, open: { ...previous.open, active: (previous.open.active + meta.by + count) % count, chosen: true } };
        }
        if (meta?.type === 'dismiss') {
          const cursor = newState.selection.from;
          return { open: null, dismissedFrom: previous.open && previous.open.to === cursor ? previous.open.from : cursor };
        }
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const dismissedFrom = previous.dismissedFrom === null ? null : tr.mapping.map(previous.dismissedFrom);
        // Only typing opens the list; moving the cursor through existing text never does.
        const open = tr.docChanged || previous.open ? findCompletion(newState, options.names, dismissedFrom) : null;
        if (previous.open && open && open.from === previous.open.from && open.query === previous.open.query) return previous;
        if (!open && !previous.open && dismissedFrom === previous.dismissedFrom) return previous;
        return { open, dismissedFrom };
      },
    },
    props: {
      attributes(state) {
        const open = nameCompletionKey.getState(state)?.open;
        const attributes: Record<string, string> = { 'aria-autocomplete': 'list' };
        if (open) {
          attributes['aria-controls'] = listId;
          attributes['aria-activedescendant'] = `${listId}-${open.active}`;
        }
        return attributes;
      },
      handleKeyDown(view, event) {
        const open = nameCompletionKey.getState(view.state)?.open;
        if (!open || event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          view.dispatch(view.state.tr.setMeta(nameCompletionKey, { type: 'move', by: event.key === 'ArrowDown' ? 1 : -1 } satisfies Meta));
          return true;
        }
        // A word that merely starts like a surname ("Hall" in "Town Hall") must not become a name when the
        // clerk presses Enter for a new paragraph: after a surname, Enter inserts only once the clerk has
        // moved through the list; Tab always inserts, and so does Enter after "@".
        if (event.key === 'Tab' && !event.shiftKey) return acceptCompletion(view);
        if (event.key === 'Enter' && !event.shiftKey && (open.trigger === 'at' || open.chosen)) return acceptCompletion(view);
        if (event.key === 'Escape') {
          view.dispatch(view.state.tr.setMeta(nameCompletionKey, { type: 'dismiss' } satisfies Meta));
          return true;
        }
        return false;
      },
    },
    view: (view) => new CompletionListView(view, listId),
  });
}

export const NameCompletion = Extension.create<NameCompletionOptions>({
  name: 'nameCompletion',
  addOptions() {
    return { names: () => [] };
  },
  addProseMirrorPlugins() {
    return [nameCompletionPlugin(this.options)];
  },
});
