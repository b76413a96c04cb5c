import { memo, useEffect, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { EvidenceExpectation } from '../../shared/api/evidence';
import { MAX_EVIDENCE_BYTES } from '../../shared/api/evidence';
import { formatBytes, formatNumber } from '../../shared/format';
import { useApiQuery } from '../api/useApi';
import { DateInput } from '../components/DateTimeInput';
import { useNotice } from '../components/Notice';
import { EvidenceList } from './EvidenceList';
import { extension } from './upload';
import { useAttachQueue, type Owner, type PendingFile } from './useAttachQueue';
import './evidence.css';

// Data dukung of one place (an indicator in a year, a meeting, an RTL): the files already
// attached, and a drop area for new ones (drag and drop, "Pilih berkas…", or Ctrl+V of an
// image), each given a title, a date and notes before "Lampirkan".

export const ACCEPTED = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,application/pdf,image/png,image/jpeg';

interface Props {
  owner: Owner;
  /** Who the files belong to, as the user reads it ("Rakor Klaster III", "Indikator 12"). */
  label: string;
  defaultDate: string;
  /** The expected items of an indicator (kelengkapan); a file may claim one. */
  expectations?: EvidenceExpectation[];
  /** The expected item new files claim unless changed (the first one still missing). */
  defaultExpectationId?: number | null;
  /** Smaller heading and drop area (an RTL inside the meeting tab). */
  compact?: boolean;
}

/** Pasted screenshots arrive as "image.png": give them a readable name (the title starts from it). */
function named(file: File, index: number, count: number): File {
  if (!/^image\.(png|jpe?g)$/i.test(file.name)) return file;
  return new File([file], `Gambar tempelan${count > 1 ? ` ${index + 1}` : ''}.${file.name.split('.').pop()}`, { type: file.type });
}

const NONE: EvidenceExpectation[] = [];

export function EvidencePanel({ owner, label, defaultDate, expectations = NONE, defaultExpectationId = null, compact = false }: Props) {
  const list = useApiQuery('evidence.list', owner);
  const queue = useAttachQueue(owner, defaultDate, defaultExpectationId);
  const notice = useNotice();
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const sending = queue.progress !== null;

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (sending) return;
    queue.add([...e.dataTransfer.files]);
  }
  function onPaste(e: ClipboardEvent) {
    const files = [...e.clipboardData.files];
    if (files.length === 0) return;
    e.preventDefault();
    if (!sending) queue.add(files.map((f, i) => named(f, i, files.length)));
  }
  async function attach() {
    const { attached, failed, cancelled } = await queue.send();
    if (cancelled) notice('info', `Dihentikan: ${formatNumber(attached)} berkas sudah terlampir, sisanya masih menunggu.`);
    else if (failed > 0) notice('error', `${formatNumber(attached)} berkas terlampir, ${formatNumber(failed)} gagal: lihat pesan di daftar.`);
    else notice('success', `${formatNumber(attached)} berkas terlampir.`);
  }
  const ready = queue.pending.filter((p) => !p.problem && p.title.trim() !== '' && p.date !== '');
  const headingId = `evidence-${'meetingId' in owner ? `m${owner.meetingId}` : 'actionItemId' in owner ? `a${owner.actionItemId}` : `i${owner.indicatorId}-${owner.evaluationYear}`}`;
  const Heading = compact ? 'h4' : 'h3';

  return (
    <section className={`evidence-panel${compact ? ' compact' : ''}`} aria-labelledby={headingId} data-testid="evidence-panel">
      {/* Inside an RTL's <details> the summary already names it: the heading is for screen readers. */}
      <Heading id={headingId} className={compact ? 'visually-hidden' : 'evidence-heading'}>Data dukung: {label}</Heading>
      <div className={`drop-zone${over ? ' over' : ''}`} tabIndex={0} role="group" aria-label={`Tambah data dukung ${label}: seret berkas ke sini atau tempel gambar`}
        data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setOver(true); }}
        onDragLeave={() => setOver(false)} onDrop={onDrop} onPaste={onPaste}>
        <span>Seret berkas ke sini, klik di sini lalu tempel gambar (Ctrl+V), atau</span>
        <button type="button" onClick={() => picker.current?.click()} disabled={sending}>Pilih berkas…</button>
        <input ref={picker} type="file" multiple accept={ACCEPTED} hidden aria-label={`Pilih berkas data dukung ${label}`}
          onChange={(e) => { queue.add([...(e.target.files ?? [])]); e.target.value = ''; }} />
        <span className="muted small">PDF, JPG/PNG, Word, atau Excel; paling besar {formatBytes(MAX_EVIDENCE_BYTES)} per berkas.</span>
      </div>
      {queue.pending.length > 0 && (
        <div className="pending" data-testid="pending">
          {/* Above the rows: they leave the table as they are attached, so a bar below them would
             move under the pointer while the user reaches for "Hentikan". */}
          {queue.progress && (
            <div className="upload-progress" role="status" aria-live="polite" data-testid="upload-progress">
              <progress max={queue.progress.bytesTotal || 1} value={queue.progress.bytesDone} />
              <span>Melampirkan {formatNumber(queue.progress.done + 1)} dari {formatNumber(queue.progress.total)} ({formatBytes(queue.progress.bytesDone)} dari {formatBytes(queue.progress.bytesTotal)})</span>
              <button type="button" onClick={queue.cancel} disabled={queue.stopping}>{queue.stopping ? 'Menghentikan…' : 'Hentikan'}</button>
            </div>
          )}
          <table className="data-table compact pending-table" aria-label={`Berkas yang akan dilampirkan ke ${label}`}>
            <thead><tr><th><span className="visually-hidden">Pratinjau</span></th><th>Judul</th><th className="date-col">Tanggal</th><th>Keterangan</th>{expectations.length > 0 && <th>Jenis data dukung</th>}<th><span className="visually-hidden">Tindakan</span></th></tr></thead>
            <tbody>
              {queue.pending.map((p) => (
                <PendingRow key={p.key} item={p} expectations={expectations} disabled={sending}
                  onChange={queue.change} onRemove={queue.remove} onVisible={queue.makeThumbnail} />
              ))}
            </tbody>
          </table>
          {!queue.progress && (
            <div className="pending-actions">
              <button type="button" onClick={queue.clear}>Batal</button>
              <button type="button" className="primary" disabled={ready.length === 0} onClick={() => void attach()}>
                Lampirkan {formatNumber(ready.length)} berkas
              </button>
            </div>
          )}
        </div>
      )}
      <EvidenceList items={list.data ?? []} loading={list.isPending} error={list.error?.message} expectations={expectations} />
    </section>
  );
}

/** Memoised: while a batch is sent, progress re-renders the panel, not 200 unchanged rows. */
const PendingRow = memo(function PendingRow({ item: p, expectations, disabled, onChange: change, onRemove, onVisible }: {
  item: PendingFile; expectations: EvidenceExpectation[]; disabled: boolean;
  onChange(key: string, patch: Partial<PendingFile>): void; onRemove(key: string): void; onVisible(key: string, file: File): void;
}) {
  const [dateProblem, setDateProblem] = useState<string | undefined>();
  const row = useRef<HTMLTableRowElement>(null);
  const name = p.file.name;
  const wantsThumbnail = p.thumbnail === undefined && !p.problem;
  useEffect(() => {
    if (!wantsThumbnail || !row.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((x) => x.isIntersecting)) return;
      observer.disconnect();
      onVisible(p.key, p.file);
    });
    observer.observe(row.current);
    return () => observer.disconnect();
  }, [wantsThumbnail, onVisible, p.key, p.file]);
  const onChange = (patch: Partial<PendingFile>) => change(p.key, patch);
  return (
    <tr ref={row} data-testid="pending-row" className={p.problem ? 'refused' : undefined}>
      <td className="thumb-cell">{p.thumbnail ? <img src={p.thumbnail} alt="" className="thumb" /> : <span className="file-icon" aria-hidden="true">{extension(name)}</span>}</td>
      <td>
        <input aria-label={`Judul ${name}`} value={p.title} maxLength={300} disabled={disabled || Boolean(p.problem)} onChange={(e) => onChange({ title: e.target.value })} />
        <div className="muted small file-line">{name} · {formatBytes(p.file.size)}</div>
        {p.problem && <div className="field-error" role="alert">{p.problem}</div>}
        {p.retry && <div className="field-error" role="alert">{p.retry} Berkas ini dicoba lagi pada Lampirkan berikutnya.</div>}
        {!p.problem && p.title.trim() === '' && <div className="field-error">Judul wajib diisi.</div>}
      </td>
      <td>
        <DateInput aria-label={`Tanggal ${name}`} value={p.date} disabled={disabled || Boolean(p.problem)} onChange={(date) => onChange({ date })} onProblem={setDateProblem} />
        {dateProblem && <div className="field-error">{dateProblem}</div>}
        {!dateProblem && p.date === '' && <div className="field-error">Tanggal wajib diisi.</div>}
      </td>
      <td><input aria-label={`Keterangan ${name}`} value={p.notes} maxLength={2000} disabled={disabled || Boolean(p.problem)} onChange={(e) => onChange({ notes: e.target.value })} /></td>
      {expectations.length > 0 && (
        <td>
          <select aria-label={`Jenis data dukung ${name}`} value={p.expectationId ?? ''} disabled={disabled || Boolean(p.problem)}
            onChange={(e) => onChange({ expectationId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">— lainnya —</option>
            {expectations.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
          </select>
        </td>
      )}
      <td><button type="button" className="link" disabled={disabled} onClick={() => onRemove(p.key)} aria-label={`Buang ${name} dari antrean`}>Buang</button></td>
    </tr>
  );
});
