/** Every action of the meeting in one table, in agenda order, with its reference ("64/1"). */
import { useId, useMemo } from 'react';
import type { Meeting } from '../../main/domain/meeting';
import { actionReference } from '../../main/domain/minuteNumbers';
import { formatUkDate } from '../../main/domain/snippets';
import { ACTION_STATUS_LABELS } from '../../main/domain/wording';

export function AllActionsList({ meeting }: { meeting: Meeting }) {
  const headingId = useId();
  const rows = useMemo(() => {
    const order = new Map(meeting.agenda.map((item, index) => [item.id, index]));
    // Actions of a deleted item stay in the file for Undo, but are not part of the meeting's list.
    return meeting.actions
      .filter((action) => order.has(action.itemId))
      .sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!)
      .map((action) => ({ action, reference: actionReference(meeting, action.id) }));
  }, [meeting]);

  return (
    <section className="all-actions" aria-labelledby={headingId}>
      <h2 id={headingId} className="all-actions__heading">
        All actions
      </h2>
      {rows.length === 0 ? (
        <p className="record-section__empty">No actions recorded in this meeting yet.</p>
      ) : (
        <table className="all-actions__table">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ action, reference }) => (
              <tr key={action.id}>
                <th scope="row">{reference}</th>
                <td>{action.text}</td>
                <td>{action.ownerName}</td>
                <td>{action.due ? formatUkDate(action.due) : ''}</td>
                <td>{ACTION_STATUS_LABELS[action.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
