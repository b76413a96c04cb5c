import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Kind = 'info' | 'success' | 'error';
/** A button in the notice, e.g. "Urungkan" after a delete. */
export interface NoticeAction { label: string; run(): void }
interface NoticeState { id: number; kind: Kind; text: string; action?: NoticeAction }
const NoticeContext = createContext<(kind: Kind, text: string, action?: NoticeAction) => void>(() => undefined);

/** Short status messages ("Instansi dihapus", errors) announced to screen readers too. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const show = useCallback((kind: Kind, text: string, action?: NoticeAction) => {
    const id = Date.now();
    setNotice({ id, kind, text, action });
    // A notice with a button stays long enough to reach it.
    window.setTimeout(() => setNotice((n) => (n?.id === id ? null : n)), kind === 'error' || action ? 10_000 : 3500);
  }, []);
  return (
    <NoticeContext.Provider value={show}>
      {children}
      <div className="notice-region" role="status" aria-live="polite">
        {notice && (
          <div className={`notice notice-${notice.kind}`}>
            {notice.text}
            {notice.action && (
              <button type="button" className="notice-action" onClick={() => { setNotice(null); notice.action?.run(); }}>{notice.action.label}</button>
            )}
          </div>
        )}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice() {
  return useContext(NoticeContext);
}
