// @vitest-environment jsdom
/**
 * When the core does not answer (browser mode: the host process has stopped), the changes typed
 * since are only in the window's memory. The header must say so, whatever the core said last, and
 * go back to the core's own state once it has them.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationResult } from '../../main/domain/api';
import { createAgendaItem } from '../../main/domain/meeting';
import { ApiError } from '../../renderer/api/client';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

/** A core whose applyChanges does not answer while `down`, as a stopped host looks to the page. */
class CoreNotAnswering extends FakeApi {
  down = false;
  override async call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
    if (this.down && name === 'meetings.applyChanges') throw new ApiError('Minute Book’s background service is not responding.', 'unreachable');
    return super.call(name, input);
  }
}

describe('when the core does not answer', () => {
  it('says the changes are only in this window, never that they are kept on this computer, and recovers', async () => {
    const api = new CoreNotAnswering();
    // The worst case: the core last said the library was unreachable and everything was kept on this computer.
    api.answerSaveState = (meetingId) => ({ meetingId, state: 'unreachable', pendingChanges: 3 });
    const meeting = api.addMeeting({ committee: 'Planning Committee', title: '', date: '2022-11-08', startTime: '10:00', venue: 'Guildhall' }, (each) => ({
      ...each,
      agenda: [{ ...createAgendaItem('Welcome'), id: 'item-welcome' }],
    }));
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: `Open ${meeting.committee} 2022-11-08` }));
    const title = await screen.findByRole('textbox', { name: 'Item title' });
    await user.type(title, ' and introductions');
    await waitFor(() => expect(screen.getByText('Library unreachable — 3 changes kept on this computer')).toBeTruthy());

    api.down = true;
    await user.type(title, ' (late)');
    const header = () => document.querySelector('.app-header')?.textContent ?? '';
    await waitFor(() =>
      expect(header()).toMatch(
        /Not saved: Minute Book’s background service is not responding — 1 change is only in this window\. Keep it open; trying again at \d\d:\d\d:\d\d\./,
      ),
    );
    expect(header()).not.toContain('kept on this computer');
    expect(document.body.textContent).not.toContain('kept on this computer');

    api.down = false;
    api.answerSaveState = (meetingId) => ({ meetingId, state: 'saved', savedAt: new Date('2022-11-08T10:42:13').toISOString(), pendingChanges: 0 });
    // The first try again is 2 s after the failure.
    await waitFor(() => expect(header()).toContain('Saved at 10:42:13'), { timeout: 10_000 });
    expect(api.meetings.get(meeting.id)?.agenda[0]?.title).toBe('Welcome and introductions (late)');
  });
});
