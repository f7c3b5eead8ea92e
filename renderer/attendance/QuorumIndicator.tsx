/**
 * The live quorum line for the current item: counts the voting members in the room, less anyone
 * who withdrew for a declared interest on that item. When the meeting becomes inquorate it is
 * inserted afresh as an alert, so screen readers announce it at once and sighted clerks see it.
 */
import { describeQuorum, quorumAt } from '../../main/domain/attendance';
import { describeQuorumRule } from '../../main/domain/committee';
import type { Meeting } from '../../main/domain/meeting';
import './attendance.css';

export interface QuorumIndicatorProps {
  meeting: Meeting;
  /** Without a current item, the quorum after every recorded arrival and departure. */
  currentItemId: string | undefined;
}

export function QuorumIndicator({ meeting, currentItemId }: QuorumIndicatorProps) {
  const state = quorumAt(meeting, currentItemId ?? '');
  const text = describeQuorum(state);
  return (
    <div className="quorum">
      {state.quorate || state.votingRoster === 0 ? (
        <p key="quorate" role="status" className="quorum__state quorum__state--quorate">
          {text}
        </p>
      ) : (
        <p key="inquorate" role="alert" className="quorum__state quorum__state--inquorate">
          {text}
        </p>
      )}
      <p className="quorum__rule">Quorum: {describeQuorumRule(meeting.quorum)}.</p>
    </div>
  );
}
