import { useEffect, useRef } from 'react';
import { useApiMutation } from '../api/useApi';
import { AutoText } from '../components/AutosaveFields';
import type { FocusRequest, TabProps } from '../workspace/tab-props';
import { useUndoableDelete } from '../components/useUndoableDelete';

let handledSeq = 0;

/** Kesimpulan / keputusan: a numbered list, reorderable. */
export function DecisionTab({ ws, editable, focus }: TabProps & { focus: FocusRequest }) {
  const listRef = useRef<HTMLOListElement>(null);
  const items = ws.decisions;
  const create = useApiMutation('decision.create');
  const update = useApiMutation('decision.update');
  const reorder = useApiMutation('decision.reorder');
  const deletion = useUndoableDelete('decision.delete', 'Kesimpulan dihapus.');

  const focusLast = useRef(false);
  async function add() {
    focusLast.current = true;
    await create.call({ meetingId: ws.meeting.id, text: '' });
  }
  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    const fields = listRef.current?.querySelectorAll<HTMLTextAreaElement>('textarea');
    fields?.[fields.length - 1]?.focus();
  }, [items.length]);
  useEffect(() => {
    // A request is handled once, not again when the tab is mounted anew.
    if (focus?.what === 'decision' && focus.seq !== handledSeq) {
      handledSeq = focus.seq;
      void add();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  async function move(index: number, delta: number) {
    const ids = items.map((d) => d.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved);
    await reorder.call({ meetingId: ws.meeting.id, ids });
  }

  return (
    <fieldset disabled={!editable} className="plain">
      <div className="card">
        <h2>Kesimpulan / keputusan</h2>
        {items.length === 0 && <p className="muted">Belum ada kesimpulan. Tambahkan dengan tombol di bawah atau Alt+K.</p>}
        <ol className="ordered-editor decisions" ref={listRef}>
          {items.map((d, i) => (
            <li key={d.id} data-testid="decision">
              <span className="ordinal">{i + 1}.</span>
              <AutoText saveKey={`decision:${d.id}:text`} label={`Kesimpulan ${i + 1}`} hideLabel multiline rows={2} initial={d.text} className="grow"
                save={(v, k) => update.call({ id: d.id, text: v }, k)} />
              <div className="row-actions">
                <button type="button" disabled={i === 0} onClick={() => void move(i, -1)} aria-label={`Naikkan kesimpulan ${i + 1}`}>↑</button>
                <button type="button" disabled={i === items.length - 1} onClick={() => void move(i, 1)} aria-label={`Turunkan kesimpulan ${i + 1}`}>↓</button>
                <button type="button" className="danger-text" onClick={() => void deletion.remove(d.id)}
                  aria-label={`Hapus kesimpulan ${i + 1}`}>Hapus</button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" disabled={create.pending} onClick={() => void add()}>+ Tambah kesimpulan</button>
      </div>
    </fieldset>
  );
}
