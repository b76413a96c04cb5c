import { lazy, Suspense } from 'react';
import { MeetingListScreen } from './MeetingListScreen';
import { MeetingScreen } from './MeetingScreen';
import { readPreviewQuery } from '../../shared/preview-route';

const PreviewScreen = lazy(async () => ({ default: (await import('../export/preview/PreviewScreen')).PreviewScreen }));

/** "/rapat" list, "/rapat/baru" new, "/rapat/12" or "/rapat/12/pembahasan" one meeting, "/rapat/12/pratinjau?…" its preview. */
export function MeetingRoutes({ subPath }: { subPath: string }) {
  const [path, query = ''] = subPath.split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[1] === 'pratinjau' && Number.isInteger(Number(parts[0])) && Number(parts[0]) > 0) {
    return <Suspense fallback={<p className="muted">Memuat…</p>}><PreviewScreen key={subPath} request={readPreviewQuery(Number(parts[0]), query)} /></Suspense>;
  }
  if (parts[0] === 'baru') return <MeetingListScreen creating />;
  const id = Number(parts[0]);
  if (Number.isInteger(id) && id > 0) return <MeetingScreen key={id} id={id} tab={parts[1]} />;
  return <MeetingListScreen />;
}
