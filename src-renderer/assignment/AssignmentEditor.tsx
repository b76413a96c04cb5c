import { useState } from 'react';
import type { Assignment } from '../../shared/meeting';
import { ASSIGNMENT_ROLE_LABEL } from '../../shared/api/assignment';
import type { AssignmentRole } from '../../shared/types';
import { useApiMutation } from '../api/useApi';
import { agencyShort } from '../agency/agencyInput';
import { AgencyPicker } from '../agency/AgencyPicker';
import type { TabProps } from '../workspace/tab-props';
import { forNewEntries } from '../workspace/meeting-agencies';

/** Lead and supporting agencies of an indicator (standing knowledge, agreed at this meeting). */
export function AssignmentEditor({ indicatorId, meetingId, assignments, agencies }: {
  indicatorId: number; meetingId: number; assignments: Assignment[]; agencies: TabProps['agencies'];
}) {
  const assign = useApiMutation('assignment.set');
  const release = useApiMutation('assignment.remove');
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [role, setRole] = useState<AssignmentRole>(assignments.some((a) => a.role === 'lead') ? 'support' : 'lead');
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const sorted = [...assignments].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  async function add() {
    if (agencyId === null) return;
    await assign.call({ indicatorId, agencyId, role, meetingId });
    setAgencyId(null);
    setRole('support');
  }
  return (
    <div className="sub-block">
      <h4>Penanggung jawab</h4>
      <ul className="chips" aria-label="Daftar penanggung jawab">
        {sorted.length === 0 && <li className="muted small">Belum ada.</li>}
        {sorted.map((a) => (
          <li key={a.id} className={`chip static ${a.role}`} data-testid="assignment">
            {agencyShort(byId.get(a.agencyId))} <span className="muted">({a.role === 'lead' ? 'utama' : 'pendukung'})</span>
            <button type="button" className="chip-remove" aria-label={`Lepas ${agencyShort(byId.get(a.agencyId))}`}
              onClick={() => void release.call({ indicatorId, agencyId: a.agencyId })}>×</button>
          </li>
        ))}
      </ul>
      <div className="add-row assign-add">
        <label className="visually-hidden" htmlFor={`assign-agency-${indicatorId}`}>Instansi penanggung jawab</label>
        <AgencyPicker id={`assign-agency-${indicatorId}`} className="assign-agency" agencies={forNewEntries(agencies).filter((a) => !assignments.some((x) => x.agencyId === a.id))}
          value={agencyId} onChange={setAgencyId} placeholder="Ketik singkatan atau nama instansi…"
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void add(); } }} />
        <label className="visually-hidden" htmlFor={`assign-role-${indicatorId}`}>Peran</label>
        <select id={`assign-role-${indicatorId}`} value={role} onChange={(e) => setRole(e.target.value as AssignmentRole)} className="narrow">
          <option value="lead">{ASSIGNMENT_ROLE_LABEL.lead}</option>
          <option value="support">{ASSIGNMENT_ROLE_LABEL.support}</option>
        </select>
        <button type="button" onClick={() => void add()} disabled={agencyId === null}>Tetapkan</button>
      </div>
    </div>
  );
}
