import type { Db } from '../db/database';
import type { Evidence } from '../../../shared/api/evidence';
import type { OpParsed } from '../../../shared/api/contract';
import { DOCUMENTATION_MAX_BYTES, DOCUMENTATION_MEDIA_TYPES } from '../../../shared/api/evidence';
import { AppError } from '../../../shared/errors';
import { formatBytes } from '../../../shared/format';
import { assertMeetingEditable, touchMeeting } from '../db/meeting-state';
import { listEvidence } from './repository';

// The photos of a meeting chosen for its notulen's Lampiran Dokumentasi. The whole choice is
// sent at once (like a reorder): positions 1..n in the order given, everything else unchosen.
// A closed meeting refuses: its notulen, photos included, was frozen in the snapshot at close.

export function setDocumentation(db: Db, { meetingId, photos }: OpParsed<'evidence.setDocumentation'>): Evidence[] {
  assertMeetingEditable(db, meetingId);
  const own = new Map(listEvidence(db, { meetingId }).map((e) => [e.id, e]));
  const chosen = photos.map((p) => own.get(p.evidenceId));
  if (chosen.some((e) => !e || !DOCUMENTATION_MEDIA_TYPES.includes(e.mediaType))) throw AppError.of('VALIDATION', 'evidence.documentationNotPhoto');
  const bytes = chosen.reduce((sum, e) => sum + (e?.sizeBytes ?? 0), 0);
  if (bytes > DOCUMENTATION_MAX_BYTES) {
    throw AppError.of('VALIDATION', 'evidence.documentationTooLarge', { size: formatBytes(bytes), max: formatBytes(DOCUMENTATION_MAX_BYTES) });
  }
  db.prepare(`UPDATE evidence SET documentation_position = NULL, documentation_caption = '' WHERE meeting_id = ? AND documentation_position IS NOT NULL`).run(meetingId);
  const choose = db.prepare(`UPDATE evidence SET documentation_position = ?, documentation_caption = ? WHERE id = ?`);
  photos.forEach((p, i) => choose.run(i + 1, p.caption, p.evidenceId));
  touchMeeting(db, meetingId);
  return listEvidence(db, { meetingId });
}
