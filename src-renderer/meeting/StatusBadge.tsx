import { MEETING_STATUS_LABEL } from '../../shared/meeting';
import type { MeetingStatus } from '../../shared/types';

export function StatusBadge({ status }: { status: MeetingStatus }) {
  return <span className={`status-badge status-${status}`}>{MEETING_STATUS_LABEL[status]}</span>;
}
