import { QueryClient } from '@tanstack/react-query';

// One local user and one core: nothing changes the data behind the renderer's back (a restore
// reloads the page). So a cached read stays fresh until a write says otherwise (write-effects.ts),
// and a failed read is shown at once instead of being retried.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
