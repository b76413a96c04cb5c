import './api/transport';
// The base styles first: each screen's own stylesheet (imported by the screen) refines them.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './api/queryClient';
import { replayJournal } from './api/edit-journal';
import { App } from './App';
import { RecoveryGate } from './recovery/RecoveryGate';

const queryClient = createQueryClient();

// Edits the last page left unsent go out before any screen reads (api/edit-journal.ts).
void replayJournal(queryClient).finally(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RecoveryGate>
        <App />
      </RecoveryGate>
    </QueryClientProvider>
  </StrictMode>,
));
