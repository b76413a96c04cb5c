import { QueryClient } from '@tanstack/react-query';
import { seedFromRead } from './revisions';

// One local user and one core: nothing changes the data behind the renderer's back (a restore
// reloads the page). So a cached read stays fresh until a write says otherwise (write-effects.ts),
// and a failed read is shown at once instead of being retried.
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
  // Every read that shows revised rows tells the revision store what the screen saw.
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success') seedFromRead(event.query.queryKey[0], event.query.state.data);
  });
  return client;
}
