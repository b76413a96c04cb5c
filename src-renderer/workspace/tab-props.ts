import type { MeetingWorkspace } from '../../shared/meeting';
import type { Agency } from '../../shared/types';

// What the meeting screen hands each of its tabs. Its own file, below the screen and the tabs,
// so that neither imports the other for it.

export interface TabProps {
  /** The cached `meeting.get` answer; writes update it (api/write-effects.ts). */
  ws: MeetingWorkspace;
  agencies: Agency[];
  editable: boolean;
}

/** Focus requests from the global shortcuts to a tab ("add an attendee", "add an RTL"). */
export type FocusRequest = { what: 'attendee' | 'rtl' | 'decision'; seq: number } | null;
