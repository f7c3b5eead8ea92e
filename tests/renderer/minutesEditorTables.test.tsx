// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MinuteBlock } from '../../main/domain/meeting';
import { MinutesEditor, type MinutesEditorHandle } from '../../renderer/minutes/MinutesEditor';
import { minutesChanges } from '../../renderer/minutes/minutesChanges';

function renderEditor(initialMinutes: MinuteBlock[] = []) {
  const onMinutesChange = vi.fn<(minutes: MinuteBlock[]) => void>();
  const handle = createRef<MinutesEditorHandle>();
  render(<MinutesEditor ref={handle} initialMinutes={initialMinutes} onMinutesChange={onMinutesChange} />);
  const minutes = screen.getByRole('textbox', { name: 'Minutes' });
  function sent(): MinuteBlock[] {
    act(() => handle.current?.flush());
    return onMinutesChange.mock.lastCall?.[0] ?? [];
  }
  return { minutes, onMinutesChange, sent, user: userEvent.setup() };
}

function placeCursorAtEnd(element: Node) {
  const range = document.createRange();
  range.selectNodeContents(element);
  range.collapse(false);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

const actionsTable: MinuteBlock = {
  id: 'blk-actions-01',
  type: 'table',
  runs: [],
  headerRows: 1,
  rows: [
    [[{ text: 'Min', marks: ['bold'] }], [{ text: 'Item' }], [{ text: 'Lead' }]],
    [[{ text: '22.3' }], [{ text: 'Update the ' }, { text: 'SEND', marks: ['underline'] }, { text: ' register' }], [{ text: 'SENCo', marks: ['italic'] }]],
  ],
};

describe('tables in the minutes editor', () => {
  it('shows a stored table and never removes or changes it while the clerk types elsewhere', async () => {
    const stored: MinuteBlock[] = [
      { id: 'blk-opening-1', type: 'paragraph', runs: [{ text: 'The Chair opened the item.' }] },
      actionsTable,
      { id: 'blk-closing-1', type: 'paragraph', runs: [{ text: 'Governors noted the table.' }] },
    ];
    const { minutes, user, sent } = renderEditor(stored);
    const table = screen.getByRole('table');
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Min', 'Item', 'Lead']);
    expect(table.textContent).toContain('Update the SEND register');

    const paragraphs = Array.from(minutes.children).filter((child) => child.tagName === 'P');
    const last = paragraphs[paragraphs.length - 1]!;
    await user.click(last);
    placeCursorAtEnd(last);
    await user.keyboard(' No questions.{Enter}The item closed.');
    const after = sent();
    expect(after.find((block) => block.id === 'blk-actions-01')).toEqual(actionsTable);
    const changes = minutesChanges('item-1', stored, after);
    expect(changes.some((change) => change.kind === 'block.remove')).toBe(false);
    expect(changes.some((change) => change.kind === 'block.put' && change.block.type === 'table')).toBe(false);
    expect(changes.some((change) => change.kind === 'block.move')).toBe(false);
  });

  it('inserts a three-column table with a header row from the toolbar, and Tab moves between cells', async () => {
    const { minutes, user, sent } = renderEditor();
    await user.click(minutes);
    await user.keyboard('Actions agreed:');
    await user.click(screen.getByRole('button', { name: 'Insert table' }));
    expect(screen.getAllByRole('columnheader')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Insert table' }).getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('Minute{Tab}Action{Tab}Lead{Tab}12.1{Tab}Circulate the budget{Tab}Clerk');
    const blocks = sent();
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'table']);
    const table = blocks[1]!;
    expect(table.headerRows).toBe(1);
    expect(table.rows).toEqual([
      [[{ text: 'Minute' }], [{ text: 'Action' }], [{ text: 'Lead' }]],
      [[{ text: '12.1' }], [{ text: 'Circulate the budget' }], [{ text: 'Clerk' }]],
    ]);
    // Tab in the last cell adds a row, as in Word.
    await user.keyboard('{Tab}14.2');
    expect(sent()[1]?.rows?.[2]).toEqual([[{ text: '14.2' }], [], []]);
  });

  it('keeps a table inserted inside a list item, as a table after the item', async () => {
    const { minutes, user, sent } = renderEditor();
    await user.click(minutes);
    await user.click(screen.getByRole('button', { name: 'Bulleted list' }));
    await user.keyboard('Budget lines:');
    await user.click(screen.getByRole('button', { name: 'Insert table' }));
    await user.keyboard('Line{Tab}Forecast');
    const blocks = sent();
    expect(blocks.map((block) => block.type)).toEqual(['bullet', 'table']);
    expect(blocks[1]?.rows?.[0]).toEqual([[{ text: 'Line' }], [{ text: 'Forecast' }], []]);
  });
});
