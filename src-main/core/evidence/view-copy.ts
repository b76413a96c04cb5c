import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Evidence } from '../../../shared/api/evidence';
import { downloadName, readEvidenceBytes } from './repository';

// What the system viewer opens: never the stored file itself (a viewer that saves would alter
// the evidence and its hash), but a copy of the verified bytes, read-only, in a fresh folder
// under the system's temp folder, named after the title with the extension of the type sniffed
// at attach. The name never comes from the original upload, so "foto.jpg.exe" cannot be launched.

export const VIEW_FOLDER = 'rakor-kla-lihat';

export function writeViewCopy(dataDir: string, evidence: Evidence): string {
  const bytes = readEvidenceBytes(dataDir, evidence);
  const folder = path.join(os.tmpdir(), VIEW_FOLDER, `${evidence.id}-${crypto.randomBytes(6).toString('hex')}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, downloadName(evidence));
  fs.writeFileSync(file, bytes, { mode: 0o444, flag: 'wx' });
  return file;
}
