import type { Signer, SignaturesBlock, ParagraphBlock } from '../../../shared/document';
import type { RegionProfile } from '../../../shared/types';
import { formatDate } from '../../../shared/format';
import { formatNip } from '../../../shared/nip';
import type { MinutesData, Signatory } from './minutes-model';
import { cleanText } from './text';

// Who signs the notulen and how (tata naskah dinas): pimpinan rapat on the left, notulis on the
// right with the place and date; the profile's signing mode decides whether the chair signs in
// their own name, "a.n." the head of office (with "u.b." under the head's delegate when the head
// delegated, e.g. "a.n. Kepala Dinas / Sekretaris, / u.b. / Kepala Bidang,"), or the head signs; an optional "Mengetahui" block
// for the head of office sits centred under the two. "Plt."/"Plh." are part of the jabatan typed.

/** The one signer of a letter signed by the head of office (dated at its top): role, name, rank, NIP. */
export function letterSigner(role: string, signatory: Signatory): Signer {
  return signer([], [role], signatory);
}

export const CLOSING_SENTENCE = 'Demikian notulen rapat ini dibuat untuk dipergunakan sebagaimana mestinya.';

const clean = (s: string) => cleanText(s).trim();

function head(profile: RegionProfile): Signatory {
  return { name: profile.headName, position: profile.headPosition, rank: profile.headRank, nip: profile.headNip };
}

function signer(top: string[], roles: string[], s: Signatory): Signer {
  const nip = clean(s.nip);
  return { top, roles: roles.filter((r) => r !== ''), name: clean(s.name), rank: clean(s.rank), nip: nip ? `NIP. ${formatNip(nip)}` : '' };
}

/** A jabatan closing its block takes a comma ("Kepala Bidang PPM,"), as above a signature. */
const withComma = (position: string) => (position === '' || position.endsWith(',') ? position : `${position},`);

export function signers(data: Pick<MinutesData, 'profile' | 'meeting'>): Signer[][] {
  const { profile, meeting } = data;
  const place = clean(profile.signingPlace);
  const placeDate = place ? `${place}, ${formatDate(meeting.date)}` : formatDate(meeting.date);
  const headPosition = clean(profile.headPosition);
  const via = clean(profile.signViaPosition);
  // "a.n." needs the head's jabatan, "u.b." the delegate's too; without them the chair signs in their own name.
  const mode =
    (profile.signingMode === 'onBehalf' || profile.signingMode === 'onBehalfVia') && headPosition === '' ? 'chair'
      : profile.signingMode === 'onBehalfVia' && via === '' ? 'onBehalf'
        : profile.signingMode;
  // The head of office signs the Mengetahui block unless they already sign as the chair.
  const acknowledge = profile.signAcknowledge && mode !== 'head' && (headPosition !== '' || clean(profile.headName) !== '');
  const chairTop = acknowledge ? [''] : ['Mengetahui,'];
  const chair =
    mode === 'head'
      ? signer(chairTop, ['Pimpinan Rapat,', headPosition], head(profile))
      : mode === 'onBehalf'
        ? signer(chairTop, ['Pimpinan Rapat,', `a.n. ${headPosition}`, withComma(clean(meeting.chair.position))], meeting.chair)
        : mode === 'onBehalfVia'
          ? signer(chairTop, ['Pimpinan Rapat,', `a.n. ${headPosition}`, withComma(via), 'u.b.', withComma(clean(meeting.chair.position))], meeting.chair)
          : signer(chairTop, ['Pimpinan Rapat,', clean(meeting.chair.position)], meeting.chair);
  const notulis = signer([placeDate], ['Notulis,', clean(meeting.notulis.position)], meeting.notulis);
  const rows: Signer[][] = [[chair, notulis]];
  if (acknowledge) rows.push([signer(['Mengetahui,'], [withComma(headPosition)], head(profile))]);
  return rows;
}

/**
 * The closing sentence and the signatures as ONE block that never splits: "Demikian ..." and
 * the signatures always share a page and the signatures never start a page alone. `lead` is
 * F. Penutup when it is short enough to travel with them.
 */
export function closingWithSignatures(data: Pick<MinutesData, 'profile' | 'meeting'>, indent: number, lead: ParagraphBlock[] = []): SignaturesBlock {
  return { kind: 'signatures', lead, closing: CLOSING_SENTENCE, indent, rows: signers(data) };
}
