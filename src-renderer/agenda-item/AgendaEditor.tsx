import { useState } from 'react';
import type { AgendaItem } from '../../shared/meeting';
import { t } from '../../shared/messages';
import { useApiMutation } from '../api/useApi';
import { AutoText } from '../components/AutosaveFields';
import { useUndoableDelete } from '../components/useUndoableDelete';

/** The meeting's ordered agenda ("acara"): add with Enter, rename in place, move, remove. */
export function AgendaEditor({ meetingId, items }: { meetingId: number; items: AgendaItem[] }) {
  const create = useApiMutation('agendaItem.create');
  const update = useApiMutation('agendaItem.update');
  const reorder = useApiMutation('agendaItem.reorder');
  const deletion = useUndoableDelete('agendaItem.delete', 'Agenda dihapus.');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();
  async function add() {
    if (title.trim() === '') {
      setError(t('field.required'));
      return;
    }
    await create.call({ meetingId, title: title.trim() });
    setTitle('');
    setError(undefined);
  }
  async function move(index: number, delta: number) {
    const ids = items.map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    await reorder.call({ meetingId, ids });
  }
  async function remove(id: number) {
    await deletion.remove(id);
  }
  return (
    <div className="card">
      <h2>Acara / agenda</h2>
      <ol className="ordered-editor">
        {items.map((a, i) => (
          <li key={a.id} data-testid="agenda-item">
            <span className="ordinal">{i + 1}.</span>
            <AutoText saveKey={`agenda:${a.id}:title`} label={`Agenda ${i + 1}`} hideLabel initial={a.title} required path="title"
              save={(v, k) => update.call({ id: a.id, title: v }, k)} className="grow" />
            <div className="row-actions">
              <button type="button" disabled={i === 0} onClick={() => void move(i, -1)} aria-label={`Naikkan agenda ${i + 1}`}>↑</button>
              <button type="button" disabled={i === items.length - 1} onClick={() => void move(i, 1)} aria-label={`Turunkan agenda ${i + 1}`}>↓</button>
              <button type="button" className="danger-text" onClick={() => void remove(a.id)} aria-label={`Hapus agenda ${i + 1}`}>Hapus</button>
            </div>
          </li>
        ))}
      </ol>
      <div className="add-row">
        <div className={`field grow${error ? ' has-error' : ''}`}>
          <label htmlFor="new-agenda" className="visually-hidden">Agenda baru</label>
          <input id="new-agenda" value={title} placeholder="Tambah agenda, lalu Enter" onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void add(); } }} />
          {error && <div className="field-error" role="alert">{error}</div>}
        </div>
        <button type="button" disabled={create.pending} onClick={() => void add()}>+ Tambah agenda</button>
      </div>
    </div>
  );
}
