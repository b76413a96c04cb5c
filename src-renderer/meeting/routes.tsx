import { MeetingListScreen } from './MeetingListScreen';
import { MeetingScreen } from './MeetingScreen';

/** "/rapat" list, "/rapat/baru" new, "/rapat/12" or "/rapat/12/pembahasan" one meeting. */
export function MeetingRoutes({ subPath }: { subPath: string }) {
  const parts = subPath.split('/').filter(Boolean);
  if (parts[0] === 'baru') return <MeetingListScreen creating />;
  const id = Number(parts[0]);
  if (Number.isInteger(id) && id > 0) return <MeetingScreen key={id} id={id} tab={parts[1]} />;
  return <MeetingListScreen />;
}
