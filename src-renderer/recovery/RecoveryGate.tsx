import './recovery.css';
import { useEffect, useState, type ReactNode } from 'react';
import type { RecoveryStatus } from '../../shared/api/backup';
import { api } from '../api/client';
import { RecoveryScreen } from './RecoveryScreen';

/** Asks the core once at start whether the database needs recovery; shows the app otherwise. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('backup.recovery.status', {}).then(setStatus, (e: Error) => setError(e.message));
  }, []);
  if (error) return <main className="recovery"><p className="form-error" role="alert">{error}</p></main>;
  if (!status) return null;
  if (status.needed) return <RecoveryScreen status={status} onResolved={() => window.location.reload()} />;
  return <>{children}</>;
}
