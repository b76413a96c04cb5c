import { useRef, useState, type ReactNode } from 'react';
import type { Agency } from '../../shared/types';
import { resolveAgency } from '../agency/agencyInput';
import { UnknownAgencyDialog, type AgencyChoice } from './UnknownAgencyDialog';

/**
 * Turns a typed instansi into an agency of the master list. Known (label, abbreviation or name,
 * whatever the case, dots or look-alike letters) or empty: answered at once. Unknown: the
 * dialog asks, and the promise settles with the choice, or null when the user cancels.
 */
export function useAgencyResolver(agencies: Agency[]): { resolve(text: string): Promise<AgencyChoice | null>; dialog: ReactNode } {
  const [asking, setAsking] = useState<string | null>(null);
  const settle = useRef<((choice: AgencyChoice | null) => void) | null>(null);
  function finish(choice: AgencyChoice | null) {
    setAsking(null);
    settle.current?.(choice);
    settle.current = null;
  }
  return {
    resolve(text) {
      const resolved = resolveAgency(text, agencies);
      if (resolved.agencyId !== null || resolved.agencyText === '') return Promise.resolve(resolved as AgencyChoice);
      settle.current?.(null);
      setAsking(resolved.agencyText);
      return new Promise((done) => {
        settle.current = done;
      });
    },
    dialog: <UnknownAgencyDialog text={asking} agencies={agencies} onChoose={finish} onCancel={() => finish(null)} />,
  };
}
