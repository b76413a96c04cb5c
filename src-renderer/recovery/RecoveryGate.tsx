import './recovery.css';
import type { ReactNode } from 'react';
import { useApiQuery } from '../api/useApi';
import { RecoveryScreen } from './RecoveryScreen';

/** Asks the core once at start whether the database needs recovery; shows the app otherwise. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const status = useApiQuery('backup.recovery.status', {});
  if (status.error) return <main className="recovery"><p className="form-error" role="alert">{status.error.message}</p></main>;
  if (!status.data) return null;
  if (status.data.needed) return <RecoveryScreen status={status.data} onResolved={() => window.location.reload()} />;
  return <>{children}</>;
}
