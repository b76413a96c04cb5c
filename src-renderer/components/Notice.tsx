import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Kind = 'info' | 'success' | 'error';
interface NoticeState { id: number; kind: Kind; text: string }
const NoticeContext = createContext<(kind: Kind, text: string) => void>(() => undefined);

/** Short status messages ("Instansi dihapus", errors) announced to screen readers too. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const show = useCallback((kind: Kind, text: string) => {
    const id = Date.now();
    setNotice({ id, kind, text });
    window.setTimeout(() => setNotice((n) => (n?.id === id ? null : n)), kind === 'error' ? 8000 : 3500);
  }, []);
  return (
    <NoticeContext.Provider value={show}>
      {children}
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <div className={`notice notice-${notice.kind}`}>{notice.text}</div>}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice() {
  return useContext(NoticeContext);
}
