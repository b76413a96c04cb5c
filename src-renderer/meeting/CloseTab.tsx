import { useEffect, useRef, useState } from 'react';
import { formatTime, nowHhMm } from '../../shared/format';
import { t } from '../../shared/messages';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/useApi';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useNotice } from '../components/Notice';
import { AutoText } from '../components/AutosaveFields';
import { TimeInput } from '../components/DateTimeInput';
import type { TabProps } from '../workspace/tab-props';

/** Penutup: closing notes, jam selesai, close (status selesai) and reopen after a question. */
export function CloseTab({ ws, editable }: TabProps) {
  const m = ws.meeting;
  const notice = useNotice();
  const update = useApiMutation('meeting.update');
  const closing = useApiMutation('meeting.close');
  const reopening = useApiMutation('meeting.reopen');
  const [endTime, setEndTime] = useState(() => {
    // The clock in the meeting's zone, not the laptop's; never before the start.
    const now = nowHhMm(m.timeZone);
    return m.endTime ?? (now >= m.startTime ? now : m.startTime);
  });
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState(false);
  // After closing (or reopening) the card's heading takes focus: the button pressed is gone.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    if (focusHeading.current) {
      focusHeading.current = false;
      heading.current?.focus();
    }
  }, [editable]);

  async function close() {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(endTime)) return setError(error ?? t('field.timeTyped'));
    if (endTime < m.startTime) return setError(t('field.endBeforeStart'));
    try {
      await closing.call({ id: m.id, endTime });
      focusHeading.current = true;
      notice('success', 'Rapat ditutup.');
    } catch (e) {
      setError(e instanceof ApiCallError ? (e.fieldMessage('endTime') ?? e.message) : (e as Error).message);
    }
  }
  async function reopen() {
    setAsking(false);
    focusHeading.current = true;
    await reopening.call({ id: m.id });
    notice('info', 'Rapat dibuka kembali.');
  }

  return (
    <>
      <fieldset disabled={!editable} className="plain">
        <div className="card">
          <AutoText saveKey={`meeting:${m.id}:closingNotes`} label="Penutup" multiline rows={3} initial={m.closingNotes}
            save={(v, k) => update.call({ id: m.id, closingNotes: v }, k)} />
        </div>
      </fieldset>
      <div className="card close-card">
        {editable ? (
          <>
            <h2 ref={heading} tabIndex={-1}>Tutup rapat</h2>
            <p className="muted">Setelah ditutup, isian rapat terkunci dan hanya dapat dibaca (dapat dibuka kembali).</p>
            <div className="add-row">
              <div className={`field${error ? ' has-error' : ''}`}>
                <label htmlFor="close-end">Jam selesai</label>
                <TimeInput id="close-end" value={endTime} onChange={(v) => { setEndTime(v); setError(undefined); }}
                  onProblem={(p) => p && setError(p)} aria-invalid={Boolean(error)} />
                {error && <div className="field-error" role="alert">{error}</div>}
              </div>
              <button type="button" className="primary" onClick={() => void close()}>Tutup rapat</button>
            </div>
          </>
        ) : (
          <>
            <h2 ref={heading} tabIndex={-1}>Rapat selesai</h2>
            <p>Ditutup pukul <strong>{m.endTime ? formatTime(m.endTime, m.timeZone) : '—'}</strong>.</p>
            <button type="button" onClick={() => setAsking(true)}>Buka kembali rapat</button>
          </>
        )}
      </div>
      <ConfirmDialog open={asking} title="Buka kembali rapat?"
        message="Rapat yang sudah ditutup akan dapat diubah lagi. Notulen yang sudah dikirim mungkin perlu diperbarui."
        confirmLabel="Buka kembali" onConfirm={() => void reopen()} onCancel={() => setAsking(false)} />
    </>
  );
}
