import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { Evidence, EvidenceExpectation } from '../../shared/api/evidence';
import { formatBytes, formatDate } from '../../shared/format';
import { api } from '../api/client';
import { isElectron } from '../api/transport';
import { useApiMutation, type ApiMutation } from '../api/useApi';
import { AutoDate, AutoText } from '../components/AutosaveFields';
import { flushAll } from '../hooks/useAutosave';
import { useNotice } from '../components/Notice';
import { useUndoableDelete } from '../components/useUndoableDelete';
import { downloadBase64 } from '../export/download';
import { cachedThumbnail, storedThumbnail } from './thumbnails';
import { extension } from './upload';

// The files attached to one place: thumbnail (images), title, date, size, notes, the expected
// item it counts for (indicators), and Buka (desktop: the system viewer) or Unduh (browser),
// and Hapus (to Terhapus, with Urungkan).

const TYPE_LABEL: Record<Evidence['mediaType'], string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/msword': 'DOC',
  'application/vnd.ms-excel': 'XLS',
};
const isImage = (e: Evidence) => e.mediaType === 'image/png' || e.mediaType === 'image/jpeg';

export function EvidenceList({ items, loading, error, expectations }: { items: Evidence[]; loading: boolean; error?: string; expectations: EvidenceExpectation[] }) {
  const open = useApiMutation('evidence.open');
  const update = useApiMutation('evidence.update');
  const deletion = useUndoableDelete('evidence.delete', 'Data dukung dipindahkan ke Terhapus.');
  const notice = useNotice();

  const { call: openCall } = open;
  const { call: updateCall } = update;
  const view = useCallback(async (e: Evidence) => {
    try {
      if (isElectron) {
        await openCall({ id: e.id });
      } else {
        const file = await api.call('evidence.read', { id: e.id });
        downloadBase64(file.fileName, file.base64, file.mediaType);
      }
    } catch (error) {
      notice('error', (error as Error).message);
    }
  }, [openCall, notice]);
  const claim = useCallback(async (e: Evidence, expectationId: number | null) => {
    try {
      await updateCall({ id: e.id, expectationId });
    } catch (error) {
      notice('error', (error as Error).message);
    }
  }, [updateCall, notice]);

  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (loading) return <p className="muted">Memuat data dukung…</p>;
  if (items.length === 0) return <p className="muted evidence-empty">Belum ada berkas.</p>;
  return (
    <ul className="evidence-list" aria-label="Berkas data dukung">
      {items.map((e) => (
        <EvidenceItem key={e.id} e={e} expectations={expectations} view={view} claim={claim} remove={deletion.remove} deleting={deletion.pending} update={updateCall} />
      ))}
    </ul>
  );
}

/** Memoised: the list is read again about once a second during a batch; unchanged rows keep their identity (query structural sharing). */
const EvidenceItem = memo(function EvidenceItem({ e, expectations, view, claim, remove, deleting, update }: {
  e: Evidence; expectations: EvidenceExpectation[]; deleting: boolean;
  view(e: Evidence): Promise<void>; claim(e: Evidence, expectationId: number | null): Promise<void>; remove(id: number): Promise<void>;
  update: ApiMutation<'evidence.update'>['call'];
}) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="evidence-item editing" data-testid="evidence-item">
        {isImage(e) ? <Thumbnail evidence={e} /> : <span className="file-icon" aria-hidden="true">{TYPE_LABEL[e.mediaType]}</span>}
        <div className="evidence-edit">
          <AutoText saveKey={`evidence:${e.id}:title`} label="Judul" initial={e.title} required path="title" save={(v, k) => update({ id: e.id, title: v.trim() }, k)} />
          <AutoDate saveKey={`evidence:${e.id}:date`} label="Tanggal" initial={e.evidenceDate} required path="evidenceDate" save={(v, k) => update({ id: e.id, evidenceDate: v }, k)} />
          <AutoText saveKey={`evidence:${e.id}:notes`} label="Keterangan" initial={e.notes} path="notes" save={(v, k) => update({ id: e.id, notes: v }, k)} />
        </div>
        <div className="row-actions">
          <button type="button" onClick={() => void flushAll().then(() => setEditing(false))}>Selesai</button>
        </div>
      </li>
    );
  }
  return (
    <li className="evidence-item" data-testid="evidence-item">
      {isImage(e) ? <Thumbnail evidence={e} /> : <span className="file-icon" aria-hidden="true">{TYPE_LABEL[e.mediaType]}</span>}
      <div className="evidence-text">
        <strong className="evidence-title">{e.title}</strong>
        <span className="muted small">{formatDate(e.evidenceDate)} · {TYPE_LABEL[e.mediaType]} · {formatBytes(e.sizeBytes)}{e.originalName !== e.title ? ` · ${e.originalName}` : ''}</span>
        {e.notes && <span className="small evidence-notes">{e.notes}</span>}
        {expectations.length > 0 && (
          <select className="small" aria-label={`Jenis data dukung ${e.title}`} value={e.expectationId ?? ''} onChange={(ev) => void claim(e, ev.target.value ? Number(ev.target.value) : null)}>
            <option value="">— lainnya —</option>
            {expectations.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
          </select>
        )}
      </div>
      <div className="row-actions">
        <button type="button" onClick={() => setEditing(true)} aria-label={`Ubah ${e.title}`}>Ubah</button>
        <button type="button" onClick={() => void view(e)} aria-label={`${isElectron ? 'Buka' : 'Unduh'} ${e.title}`}>{isElectron ? 'Buka' : 'Unduh'}</button>
        <button type="button" className="danger-text" disabled={deleting} onClick={() => void remove(e.id)} aria-label={`Hapus ${e.title}`}>Hapus</button>
      </div>
    </li>
  );
});

/** Made when it scrolls into view (a meeting may hold 200 photos), once per file content. */
export function Thumbnail({ evidence }: { evidence: Evidence }) {
  const [url, setUrl] = useState<string | null | undefined>(() => cachedThumbnail(evidence.sha256));
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (url !== undefined || !box.current) return;
    let live = true;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((x) => x.isIntersecting)) return;
      observer.disconnect();
      storedThumbnail(evidence).then((u) => { if (live) setUrl(u); }, () => { if (live) setUrl(null); });
    });
    observer.observe(box.current);
    return () => { live = false; observer.disconnect(); };
  }, [evidence, url]);
  return (
    <span ref={box} className="thumb-box">
      {url ? <img src={url} alt={`Pratinjau ${evidence.title}`} className="thumb" data-testid="thumbnail" /> : <span className="file-icon" aria-hidden="true">{extension(evidence.originalName)}</span>}
    </span>
  );
}
