import { useId, useState } from 'react';
import type { Evidence } from '../../shared/api/evidence';
import { DOCUMENTATION_MAX_BYTES, DOCUMENTATION_MAX_PHOTOS, DOCUMENTATION_MEDIA_TYPES } from '../../shared/api/evidence';
import { LAMPIRAN_CODES } from '../../shared/api/export';
import { formatBytes, formatNumber } from '../../shared/format';
import { previewPath } from '../../shared/preview-route';
import { useApiMutation } from '../api/useApi';
import { useNotice } from '../components/Notice';
import { navigate } from '../router';
import { Thumbnail } from './EvidenceList';

// Which of the meeting's photos print in the notulen's Lampiran IV Dokumentasi, in which order,
// under which caption. Edited here as a draft and saved in one go ("Simpan pilihan"), so ticking,
// typing and moving never send half a choice. Keyboard: tick with Space, Naikkan/Turunkan move
// a chosen photo and keep the focus on the same button. A closed rakor shows its choice read-only:
// it was frozen with the notulen at close.

interface Choice {
  evidenceId: number;
  caption: string;
}

const isPhoto = (e: Evidence) => DOCUMENTATION_MEDIA_TYPES.includes(e.mediaType);

/** The choice as stored: chosen photos by their position, each caption as typed. */
function storedChoice(photos: Evidence[]): Choice[] {
  return photos
    .filter((e) => e.documentationPosition !== null)
    .sort((a, b) => (a.documentationPosition ?? 0) - (b.documentationPosition ?? 0))
    .map((e) => ({ evidenceId: e.id, caption: e.documentationCaption }));
}

export function DocumentationPicker({ meetingId, items, editable }: { meetingId: number; items: Evidence[]; editable: boolean }) {
  const ids = useId();
  const notice = useNotice();
  const save = useApiMutation('evidence.setDocumentation');
  const photos = items.filter(isPhoto);
  const stored = storedChoice(photos);
  // null: nothing changed here, the stored choice shows (and follows new attachments).
  const [draft, setDraft] = useState<Choice[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const choice = draft ?? stored;
  const byId = new Map(photos.map((e) => [e.id, e]));
  // Chosen photos first, in their order; then the others, as attached (a closed rakor: only its choice).
  const chosenRows = choice.flatMap((c) => (byId.has(c.evidenceId) ? [byId.get(c.evidenceId)!] : []));
  const rows = editable ? [...chosenRows, ...photos.filter((e) => !choice.some((c) => c.evidenceId === e.id))] : chosenRows;
  const bytes = choice.reduce((sum, c) => sum + (byId.get(c.evidenceId)?.sizeBytes ?? 0), 0);
  const tooMany = choice.length > DOCUMENTATION_MAX_PHOTOS;
  const tooLarge = bytes > DOCUMENTATION_MAX_BYTES;
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(stored);

  const change = (next: Choice[]) => {
    setProblem(null);
    setDraft(next);
  };
  const toggle = (e: Evidence, on: boolean) =>
    change(on ? [...choice, { evidenceId: e.id, caption: e.title }] : choice.filter((c) => c.evidenceId !== e.id));
  const caption = (e: Evidence, text: string) => change(choice.map((c) => (c.evidenceId === e.id ? { ...c, caption: text } : c)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= choice.length) return;
    const next = [...choice];
    [next[index], next[target]] = [next[target], next[index]];
    change(next);
    // The row moved in the page (and may have lost the focus with it): the same button keeps it.
    const button = `[data-move="${choice[index].evidenceId}:${by}"]`;
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(button)?.focus());
  };

  async function submit() {
    if (tooMany || tooLarge || save.pending) return;
    try {
      await save.call({ meetingId, photos: choice.map((c) => ({ evidenceId: c.evidenceId, caption: c.caption.trim() })) });
      setDraft(null);
      notice('success', choice.length === 0 ? 'Lampiran Dokumentasi dikosongkan: notulen tanpa foto.' : `Pilihan disimpan: ${formatNumber(choice.length)} foto di Lampiran IV Dokumentasi notulen.`);
    } catch (error) {
      const e = error as Error & { fields?: { message: string }[] };
      setProblem([e.message, ...(e.fields ?? []).map((f) => f.message)].filter(Boolean).join(' ') || 'Pilihan gagal disimpan.');
    }
  }

  return (
    <section className="documentation-picker" aria-labelledby={`${ids}-title`} data-testid="documentation-picker">
      <h3 id={`${ids}-title`}>Lampiran Dokumentasi notulen</h3>
      <p className="muted small">
        {editable
          ? `Centang foto rapat yang dicetak di Lampiran IV notulen (paling banyak ${formatNumber(DOCUMENTATION_MAX_PHOTOS)} foto, jumlah ukuran paling besar ${formatBytes(DOCUMENTATION_MAX_BYTES)}). Urutan di sini adalah urutan di notulen; keterangan dicetak di bawah foto.`
          : 'Rapat sudah selesai: foto Lampiran Dokumentasi ikut dibekukan dalam notulen saat rapat ditutup. Buka kembali rapat untuk mengubah pilihannya.'}
      </p>
      {rows.length === 0 ? (
        <p className="muted">
          {editable
            ? 'Belum ada foto (JPG/PNG) di data dukung rapat ini. Lampirkan foto kegiatan di atas, lalu pilih di sini.'
            : 'Notulen rapat ini tanpa lampiran Dokumentasi.'}
        </p>
      ) : (
        <fieldset disabled={!editable || save.pending} className="documentation-fieldset">
          <legend className="visually-hidden">Foto untuk Lampiran Dokumentasi</legend>
          <ol className="documentation-list">
            {rows.map((e) => {
              const index = choice.findIndex((c) => c.evidenceId === e.id);
              const chosen = index >= 0;
              return (
                <li key={e.id} className={`documentation-row${chosen ? ' chosen' : ''}`} data-testid="documentation-row">
                  <Thumbnail evidence={e} />
                  <div className="documentation-fields">
                    <label className="checkbox">
                      <input type="checkbox" checked={chosen} onChange={(ev) => toggle(e, ev.target.checked)} />
                      {' '}Masukkan ke lampiran Dokumentasi: <strong>{e.title}</strong>
                    </label>
                    {chosen && (
                      <label className="documentation-caption">
                        <span>Keterangan Gambar {formatNumber(index + 1)}</span>
                        <input value={choice[index].caption} maxLength={500} placeholder={e.title} onChange={(ev) => caption(e, ev.target.value)}
                          aria-label={`Keterangan foto ${e.title}`} />
                      </label>
                    )}
                  </div>
                  {chosen && (
                    <div className="row-actions">
                      {/* aria-disabled, not disabled: the focus stays on a button that reached the top or bottom. */}
                      <button type="button" data-move={`${e.id}:-1`} aria-disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Naikkan ${e.title}`}>Naikkan</button>
                      <button type="button" data-move={`${e.id}:1`} aria-disabled={index === choice.length - 1} onClick={() => move(index, 1)} aria-label={`Turunkan ${e.title}`}>Turunkan</button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </fieldset>
      )}
      <div className="documentation-actions">
        <span className={tooMany || tooLarge ? 'field-error' : 'muted small'} role={tooMany || tooLarge ? 'alert' : 'status'}>
          {tooMany
            ? `Terlalu banyak: ${formatNumber(choice.length)} foto dipilih, paling banyak ${formatNumber(DOCUMENTATION_MAX_PHOTOS)}.`
            : tooLarge
              ? `Terlalu besar: foto terpilih berjumlah ${formatBytes(bytes)}, paling besar ${formatBytes(DOCUMENTATION_MAX_BYTES)}. Pilih lebih sedikit foto.`
              : `${formatNumber(choice.length)} dari paling banyak ${formatNumber(DOCUMENTATION_MAX_PHOTOS)} foto dipilih.`}
        </span>
        {editable && dirty && <button type="button" onClick={() => { setDraft(null); setProblem(null); }}>Batalkan perubahan</button>}
        {editable && (
          <button type="button" className="primary" disabled={!dirty || tooMany || tooLarge} aria-disabled={save.pending} onClick={() => void submit()}>
            {save.pending ? 'Menyimpan…' : 'Simpan pilihan Dokumentasi'}
          </button>
        )}
        <button type="button" disabled={stored.length === 0 || dirty}
          onClick={() => navigate(previewPath({ meetingId, document: 'notulen', lampiran: [...LAMPIRAN_CODES] }))}>
          Lihat di Pratinjau notulen
        </button>
      </div>
      {problem && <p className="form-error" role="alert">{problem}</p>}
    </section>
  );
}
