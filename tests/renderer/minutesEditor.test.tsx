// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MinuteBlock } from '../../main/domain/meeting';
import { MinutesEditor, type MinutesEditorHandle } from '../../renderer/minutes/MinutesEditor';
import { MINUTES_SAVE_PAUSE_MS } from '../../renderer/minutes/minutesSaveSchedule';
import { startFakeClock } from './fakeClock';

function renderEditor(initialMinutes: MinuteBlock[] = []) {
  const onMinutesChange = vi.fn<(minutes: MinuteBlock[]) => void>();
  const handle = createRef<MinutesEditorHandle>();
  const view = render(<MinutesEditor ref={handle} initialMinutes={initialMinutes} onMinutesChange={onMinutesChange} />);
  const minutes = screen.getByRole('textbox', { name: 'Minutes' });
  /** The minutes as last sent, after sending anything still waiting for a pause in typing. */
  function sent(): MinuteBlock[] {
    act(() => handle.current?.flush());
    return onMinutesChange.mock.lastCall?.[0] ?? [];
  }
  return { ...view, minutes, onMinutesChange, sent, user: userEvent.setup() };
}

function placeCursorAtEnd(element: HTMLElement) {
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(element);
  range.collapse(false);
  selection?.removeAllRanges();
  selection?.addRange(range);
}

describe('the minutes editor', () => {
  it('is a labelled multi-line text box with a formatting toolbar', () => {
    const { minutes } = renderEditor();
    expect(minutes.getAttribute('aria-multiline')).toBe('true');
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    for (const name of ['Bold', 'Italic', 'Underline', 'Sub-heading', 'Bulleted list', 'Numbered list', 'Undo', 'Redo']) {
      expect(within(toolbar).getByRole('button', { name })).toBeTruthy();
    }
  });

  // On the fake clock, so a busy machine typing slowly cannot make the pause come mid-sentence.
  it('sends typed text as minutes after a pause, not on every keystroke', async () => {
    const clock = startFakeClock();
    try {
      const { minutes, onMinutesChange } = renderEditor();
      const { user } = clock;
      await user.click(minutes);
      await user.keyboard('The Chair welcomed everyone');
      expect(onMinutesChange).not.toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(MINUTES_SAVE_PAUSE_MS - 1);
      });
      expect(onMinutesChange).not.toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(1);
      });
      expect(onMinutesChange).toHaveBeenCalledTimes(1);
      const last = onMinutesChange.mock.lastCall?.[0];
      expect(last?.map((block) => block.runs.map((run) => run.text).join(''))).toEqual(['The Chair welcomed everyone']);
    } finally {
      clock.stop();
    }
  });

  it('sends at the latest after the maximum wait while the clerk keeps typing', async () => {
    // A keystroke every 100 ms of the fake clock: never a pause long enough on its own.
    const clock = startFakeClock({ delay: 100 });
    try {
      const { minutes, onMinutesChange } = renderEditor();
      const { user } = clock;
      await user.click(minutes);
      await user.keyboard('Apologies');
      expect(onMinutesChange).toHaveBeenCalled();
      const first = onMinutesChange.mock.calls[0]?.[0];
      expect(first?.[0]?.runs[0]?.text.length).toBeGreaterThan(0);
      expect(first?.[0]?.runs[0]?.text.length).toBeLessThan('Apologies'.length);
      act(() => {
        vi.advanceTimersByTime(MINUTES_SAVE_PAUSE_MS);
      });
      expect(onMinutesChange.mock.lastCall?.[0]?.[0]?.runs).toEqual([{ text: 'Apologies' }]);
    } finally {
      clock.stop();
    }
  });

  it('makes text bold with Ctrl+B and with the Bold button, which shows as pressed', async () => {
    const { minutes, user, sent } = renderEditor();
    await user.click(minutes);
    await user.keyboard('Present: ');
    await user.keyboard('{Control>}b{/Control}');
    expect(screen.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('Cllr Hale');
    await user.keyboard('{Control>}b{/Control}');
    expect(screen.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('false');
    await user.keyboard(' and ');
    await user.click(screen.getByRole('button', { name: 'Bold' }));
    await user.keyboard('Cllr Obi');
    expect(sent()[0]?.runs).toEqual([{ text: 'Present: ' }, { text: 'Cllr Hale', marks: ['bold'] }, { text: ' and ' }, { text: 'Cllr Obi', marks: ['bold'] }]);
  });

  it('turns paragraphs into bulleted and numbered lists and nests with Tab', async () => {
    const { minutes, user, sent } = renderEditor();
    await user.click(minutes);
    await user.click(screen.getByRole('button', { name: 'Bulleted list' }));
    expect(screen.getByRole('button', { name: 'Bulleted list' }).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('Budget pressures{Enter}');
    await user.keyboard('{Tab}Agency staff costs{Enter}');
    await user.keyboard('{Shift>}{Tab}{/Shift}Recruitment{Enter}{Enter}');
    await user.click(screen.getByRole('button', { name: 'Numbered list' }));
    await user.keyboard('To note the report.');
    expect(sent().map(({ type, level, runs }) => ({ type, level, text: runs.map((run) => run.text).join('') }))).toEqual([
      { type: 'bullet', level: 0, text: 'Budget pressures' },
      { type: 'bullet', level: 1, text: 'Agency staff costs' },
      { type: 'bullet', level: 0, text: 'Recruitment' },
      { type: 'numbered', level: 0, text: 'To note the report.' },
    ]);
  });

  it('keeps block ids when text is edited and gives a new id to the second half of a split', async () => {
    const initial: MinuteBlock[] = [
      { id: 'blk-intro-001', type: 'paragraph', runs: [{ text: 'The Director introduced the report.' }] },
      { id: 'blk-point-001', type: 'bullet', level: 0, runs: [{ text: 'Caseloads' }] },
    ];
    const { minutes, user, sent } = renderEditor(initial);
    const firstParagraph = minutes.querySelector('p');
    if (!firstParagraph) throw new Error('the minutes should show their first paragraph');
    await user.click(firstParagraph);
    placeCursorAtEnd(firstParagraph);
    await user.keyboard(' Members asked questions.');
    const edited = sent();
    expect(edited.map((block) => block.id)).toEqual(['blk-intro-001', 'blk-point-001']);
    expect(edited[0]?.runs[0]?.text).toBe('The Director introduced the report. Members asked questions.');

    placeCursorAtEnd(firstParagraph);
    await user.keyboard('{Enter}Councillor Hale spoke.');
    const split = sent();
    expect(split.map((block) => block.runs.map((run) => run.text).join(''))).toEqual([
      'The Director introduced the report. Members asked questions.',
      'Councillor Hale spoke.',
      'Caseloads',
    ]);
    expect(split[0]?.id).toBe('blk-intro-001');
    expect(split[2]?.id).toBe('blk-point-001');
    expect(new Set(split.map((block) => block.id)).size).toBe(3);
  });

  it('does not report loading an item as a change', () => {
    const { onMinutesChange, sent } = renderEditor([{ id: 'blk-loaded-01', type: 'paragraph', runs: [{ text: 'Loaded' }] }]);
    sent();
    expect(onMinutesChange).not.toHaveBeenCalled();
  });

  it('undoes and redoes from the toolbar and with Ctrl+Z / Ctrl+Y', async () => {
    const { minutes, user, sent } = renderEditor();
    await user.click(minutes);
    await user.keyboard('Apologies');
    expect(screen.getByRole('button', { name: 'Undo' }).getAttribute('aria-disabled')).toBeNull();
    await user.keyboard('{Control>}z{/Control}');
    expect(sent()).toEqual([]);
    await user.keyboard('{Control>}y{/Control}');
    expect(sent()[0]?.runs).toEqual([{ text: 'Apologies' }]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(sent()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(sent()[0]?.runs).toEqual([{ text: 'Apologies' }]);
  });

  it('formats a sub-heading from the toolbar', async () => {
    const { minutes, user, sent } = renderEditor();
    await user.click(minutes);
    await user.click(screen.getByRole('button', { name: 'Sub-heading' }));
    await user.keyboard('Questions from members');
    expect(screen.getByRole('button', { name: 'Sub-heading' }).getAttribute('aria-pressed')).toBe('true');
    expect(sent()[0]).toMatchObject({ type: 'heading', runs: [{ text: 'Questions from members' }] });
  });

  describe('showing a colleague’s changes', () => {
    const initial: MinuteBlock[] = [
      { id: 'blk-first-001', type: 'paragraph', runs: [{ text: 'The Chair welcomed everyone.' }] },
      { id: 'blk-second-01', type: 'paragraph', runs: [{ text: 'Apologies were noted.' }] },
      { id: 'blk-third-001', type: 'bullet', level: 0, runs: [{ text: 'Caseloads' }] },
    ];

    function textOf(blocks: readonly MinuteBlock[]): string[] {
      return blocks.map((block) => block.runs.map((run) => run.text).join(''));
    }

    it('changes only their paragraph and goes on typing where the clerk’s cursor was, without sending or undoing their words', async () => {
      const handle = createRef<MinutesEditorHandle>();
      const onMinutesChange = vi.fn<(minutes: MinuteBlock[]) => void>();
      render(<MinutesEditor ref={handle} initialMinutes={initial} onMinutesChange={onMinutesChange} />);
      const minutes = screen.getByRole('textbox', { name: 'Minutes' });
      const user = userEvent.setup();
      const second = minutes.querySelectorAll('p')[1]!;
      await user.click(second);
      placeCursorAtEnd(second);
      await user.keyboard(' Cllr Hale');
      act(() => handle.current?.flush());
      onMinutesChange.mockClear();

      const firstDom = minutes.querySelector('p');
      act(() =>
        handle.current?.showMinutes([
          { ...initial[0]!, runs: [{ text: 'The Chair, Cllr Ball, welcomed everyone to Keynsham.' }] },
          { ...initial[1]!, runs: [{ text: 'Apologies were noted. Cllr Hale' }] },
          { ...initial[2]!, runs: [{ text: 'Caseloads in two teams' }] },
        ]),
      );
      expect(textOf(handle.current!.blocks())).toEqual([
        'The Chair, Cllr Ball, welcomed everyone to Keynsham.',
        'Apologies were noted. Cllr Hale',
        'Caseloads in two teams',
      ]);
      // Only the changed paragraphs were replaced: the element itself stays.
      expect(minutes.querySelector('p')).toBe(firstDom);
      act(() => handle.current?.flush());
      expect(onMinutesChange).not.toHaveBeenCalled();

      await user.keyboard(' and Cllr Ward.');
      expect(textOf(handle.current!.blocks())[1]).toBe('Apologies were noted. Cllr Hale and Cllr Ward.');
      await user.keyboard('{Control>}z{/Control}');
      // Undo takes back the clerk's typing, never the colleague's words.
      expect(textOf(handle.current!.blocks())[0]).toBe('The Chair, Cllr Ball, welcomed everyone to Keynsham.');
    });

    it('keeps the cursor at the same offset, clamped, when the clerk’s own paragraph changed underneath', async () => {
      const handle = createRef<MinutesEditorHandle>();
      render(<MinutesEditor ref={handle} initialMinutes={initial} onMinutesChange={() => undefined} />);
      const minutes = screen.getByRole('textbox', { name: 'Minutes' });
      const user = userEvent.setup();
      const second = minutes.querySelectorAll('p')[1]!;
      await user.click(second);
      placeCursorAtEnd(second);
      await user.keyboard(' Cllr Hale and');
      act(() =>
        handle.current?.showMinutes([
          initial[0]!,
          { ...initial[1]!, runs: [{ text: 'Noted.' }] },
          { id: 'blk-added-001', type: 'paragraph', runs: [{ text: 'Added by Jane.' }] },
          initial[2]!,
        ]),
      );
      await user.keyboard('!');
      expect(textOf(handle.current!.blocks())).toEqual(['The Chair welcomed everyone.', 'Noted.!', 'Added by Jane.', 'Caseloads']);
    });

    it('is read only when not editable, and still shows updates', () => {
      const handle = createRef<MinutesEditorHandle>();
      render(<MinutesEditor ref={handle} initialMinutes={initial} onMinutesChange={() => undefined} editable={false} />);
      const minutes = screen.getByRole('textbox', { name: 'Minutes' });
      expect(minutes.getAttribute('contenteditable')).toBe('false');
      expect(minutes.getAttribute('aria-readonly')).toBe('true');
      act(() => handle.current?.showMinutes([{ ...initial[0]!, runs: [{ text: 'Updated live.' }] }, initial[1]!, initial[2]!]));
      expect(minutes.textContent).toContain('Updated live.');
    });
  });
});
