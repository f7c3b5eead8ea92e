/**
 * The agenda column: the numbered items of the meeting (sub-items lettered under their minute,
 * section headings unnumbered), which one is open, and the ways to add, reorder and remove items. Reordering works by keyboard (Alt+Up/Down on an item), by the move
 * buttons, and by dragging; all three send the same `item.move`.
 */
import { useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { AgendaItem, AgendaItemShape } from '../../main/domain/meeting';
import { agendaItemLabel, dropIndex } from './agendaOrder';
import './agenda.css';

export type AgendaFocusTarget = 'item' | 'up' | 'down';

interface AgendaListProps {
  agenda: readonly AgendaItem[];
  /** The minute number of the item at this position, as the house style writes it ("63", "PDS/22/63", "63(b)"; "" for a section). */
  minuteNumberAt: (index: number) => string;
  selectedItemId: string | undefined;
  onSelect: (itemId: string) => void;
  onMove: (itemId: string, toIndex: number, keepFocusOn: AgendaFocusTarget) => void;
  /** Adds a numbered item (no shape), a lettered sub-item or a section heading. */
  onAdd: (shape?: AgendaItemShape) => void;
  onDelete: (itemId: string) => void;
  /** Shown under the list, inside the agenda landmark: the offer to undo a deletion. */
  children?: ReactNode;
  /** Read only: items can be opened, not added, moved or removed. */
  readOnly?: boolean;
}

interface DropTarget {
  itemId: string;
  before: boolean;
}

export function AgendaList({ agenda, minuteNumberAt, selectedItemId, onSelect, onMove, onAdd, onDelete, children, readOnly = false }: AgendaListProps) {
  const draggedItemId = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const list = useRef<HTMLOListElement>(null);

  function focusItemAt(index: number): void {
    const item = agenda[index];
    if (!item) return;
    list.current?.querySelector<HTMLElement>(`[data-agenda-item-id="${item.id}"]`)?.focus();
  }

  function onItemKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number, itemId: string): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const step = event.key === 'ArrowUp' ? -1 : 1;
    const target = index + step;
    if (target < 0 || target >= agenda.length) return;
    if (!event.altKey) focusItemAt(target);
    else if (!readOnly) onMove(itemId, target, 'item');
  }

  function onDragOver(event: DragEvent<HTMLLIElement>, itemId: string): void {
    if (!draggedItemId.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const before = event.clientY < box.top + box.height / 2;
    if (dropTarget?.itemId !== itemId || dropTarget.before !== before) setDropTarget({ itemId, before });
  }

  function onDrop(event: DragEvent<HTMLLIElement>, targetIndex: number): void {
    const itemId = draggedItemId.current;
    if (!itemId) return;
    event.preventDefault();
    const from = agenda.findIndex((item) => item.id === itemId);
    const box = event.currentTarget.getBoundingClientRect();
    const before = event.clientY < box.top + box.height / 2;
    draggedItemId.current = null;
    setDropTarget(null);
    if (from < 0) return;
    const toIndex = dropIndex(from, targetIndex, before);
    if (toIndex !== from) onMove(itemId, toIndex, 'item');
  }

  return (
    <nav className="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className="agenda__heading">
        Agenda
      </h2>
      {agenda.length === 0 ? <p className="agenda__empty">No items yet.</p> : null}
      <ol className="agenda__list" ref={list}>
        {agenda.map((item, index) => {
          const selected = item.id === selectedItemId;
          const label = agendaItemLabel(minuteNumberAt(index), item.title);
          const dropClass = dropTarget?.itemId === item.id ? (dropTarget.before ? ' agenda__entry--drop-before' : ' agenda__entry--drop-after') : '';
          return (
            <li
              key={item.id}
              className={`agenda__entry${selected ? ' agenda__entry--selected' : ''}${item.shape ? ` agenda__entry--${item.shape}` : ''}${dropClass}`}
              onDragOver={(event) => onDragOver(event, item.id)}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
              }}
              onDrop={(event) => onDrop(event, index)}
            >
              <button
                type="button"
                className="agenda__item"
                data-agenda-item-id={item.id}
                aria-current={selected ? 'true' : undefined}
                aria-keyshortcuts={readOnly ? undefined : 'Alt+ArrowUp Alt+ArrowDown'}
                draggable={!readOnly}
                onDragStart={(event) => {
                  draggedItemId.current = item.id;
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', label);
                }}
                onDragEnd={() => {
                  draggedItemId.current = null;
                  setDropTarget(null);
                }}
                onClick={() => onSelect(item.id)}
                onKeyDown={(event) => onItemKeyDown(event, index, item.id)}
              >
                {label}
              </button>
              {selected && !readOnly ? (
                <div className="agenda__item-actions">
                  <button
                    type="button"
                    className="button button--small"
                    data-agenda-move="up"
                    aria-disabled={index === 0 ? true : undefined}
                    onClick={() => {
                      if (index > 0) onMove(item.id, index - 1, 'up');
                    }}
                  >
                    Move item up
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-agenda-move="down"
                    aria-disabled={index === agenda.length - 1 ? true : undefined}
                    onClick={() => {
                      if (index < agenda.length - 1) onMove(item.id, index + 1, 'down');
                    }}
                  >
                    Move item down
                  </button>
                  <button type="button" className="button button--small button--danger" onClick={() => onDelete(item.id)}>
                    Delete item
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <div className="agenda__add">
          <button type="button" className="button" data-add-agenda-item onClick={() => onAdd()}>
            Add agenda item
          </button>
          <button type="button" className="button button--small" onClick={() => onAdd('sub-item')}>
            Add sub-item
          </button>
          <button type="button" className="button button--small" onClick={() => onAdd('section')}>
            Add section heading
          </button>
        </div>
      )}
      {children}
    </nav>
  );
}
