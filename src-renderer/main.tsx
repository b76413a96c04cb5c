import './api/transport';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RecoveryGate } from './recovery/RecoveryGate';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RecoveryGate>
      <App />
    </RecoveryGate>
  </StrictMode>,
);
