/**
 * "Insert standard phrase" (Ctrl+Shift+S): the committee's snippets with their placeholders filled
 * from the meeting, chosen with the arrow keys and Enter, inserted at the cursor in the minutes.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../ui/Dialog';

export interface FilledSnippet {
  id: string;
  name: string;
  text: string;
}

interface SnippetDialogProps {
  snippets: readonly FilledSnippet[];
  onInsert: (text: string) => void;
  onCancel: () => void;
}

export function SnippetDialog({ snippets, onInsert, onCancel }: SnippetDialogProps) {
  const listId = useId();
  const [active, setActive] = useState(0);
  const chosen = snippets[active];

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(snippets.length - 1, Math.max(0, current + step)));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : snippets.length - 1);
    } else if (event.key === 'Enter' && chosen) {
      event.preventDefault();
      onInsert(chosen.text);
    }
  }

  return (
    <Dialog title="Insert standard phrase" onCancel={onCancel}>
      {snippets.length === 0 ? (
        <p>This committee has no standard phrases yet. Add them to the committee to use them here.</p>
      ) : (
        <ul
          className="snippet-list"
          role="listbox"
          aria-label="Standard phrases"
          tabIndex={0}
          data-autofocus
          aria-activedescendant={chosen ? `${listId}-${active}` : undefined}
          onKeyDown={onKeyDown}
        >
          {snippets.map((snippet, index) => (
            <li
              key={snippet.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="snippet-list__option"
              onClick={() => onInsert(snippet.text)}
            >
              <span className="snippet-list__name">{snippet.name}: </span>
              <span className="snippet-list__text">{snippet.text}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog__buttons">
        {chosen ? (
          <button type="button" className="button" onClick={() => onInsert(chosen.text)}>
            Insert
          </button>
        ) : null}
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
