import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMinutesData } from '../../src-main/core/export/minutes-data';
import { renderMinutes } from '../../src-main/core/export/minutes-document';
import { readMinutesSnapshot } from '../../src-main/core/export/minutes-snapshot';
import { createBackend } from '../../src-main/core/backend';
import { docxText } from '../support/docx-read';
import { createMeetingFixture, tempDataDir } from '../support/meeting-fixture';
import { strictLog } from '../support/strict-log';

// Signatories (tata naskah dinas, DOMAIN.md): the profile's signing mode decides whether the
// chair signs in their own name, "a.n." the head of office, or the head signs as pimpinan; the
// head's "Mengetahui" block is optional. Read back from the .docx a user would open.

const HEAD = { name: 'Dra. Hj. Rusmini, M.Si.', position: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak', rank: 'Pembina Utama Muda (IV/c)', nip: '197001011995032001' };

describe('signatories of the notulen', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  async function notulen(mode: 'chair' | 'onBehalf' | 'onBehalfVia' | 'head', acknowledge: boolean, via = ''): Promise<string> {
    const f = createMeetingFixture({ actions: 2 });
    dirs.push(f.dir);
    // The fixture's meeting is closed but has no snapshot yet: the export reads the profile as set here.
    f.db.prepare(`UPDATE region_profile SET head_name = ?, head_position = ?, head_rank = ?, head_nip = ?, signing_mode = ?, sign_acknowledge = ?, sign_via_position = ?`)
      .run(HEAD.name, HEAD.position, HEAD.rank, HEAD.nip, mode, acknowledge ? 1 : 0, via);
    try {
      return await docxText(await renderMinutes(loadMinutesData(f.db, f.meetingId), { lampiran: [] }));
    } finally {
      f.close();
    }
  }

  it('saves the signing mode and the Mengetahui switch through the contract, and refuses an unknown mode', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const backend = createBackend({ dataDir: dir, runtime: 'cli', log: strictLog() });
    try {
      const saved = await backend.invoke('regionProfile.update', { baseRevision: 1, signingMode: 'onBehalf', signAcknowledge: true });
      expect(saved).toMatchObject({ ok: true, data: { signingMode: 'onBehalf', signAcknowledge: true } });
      const wrong = await backend.invoke('regionProfile.update', { signingMode: 'sekda' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await backend.invoke('regionProfile.get', {})).toMatchObject({ ok: true, data: { signingMode: 'onBehalf', signAcknowledge: true } });
    } finally {
      backend.close();
    }
  });

  it('by default the chair signs in their own name, with no a.n. line and no Mengetahui block of the head', async () => {
    const text = await notulen('chair', false);
    expect(text).toMatch(/Mengetahui,\s+Sampit, 26 November 2024/);
    expect(text).not.toContain('a.n.');
    expect(text).not.toContain(HEAD.name);
  });

  it('prints "a.n. <jabatan kepala>" above the chair\'s own jabatan when the chair signs on the head\'s behalf', async () => {
    const text = await notulen('onBehalf', false);
    const an = text.indexOf(`a.n. ${HEAD.position}`);
    expect(an).toBeGreaterThan(0);
    expect(text.indexOf('Pimpinan Rapat,')).toBeLessThan(an);
    expect(text.indexOf('Kepala Bappeda selaku Ketua Gugus Tugas KLA,', an)).toBeGreaterThan(an);
  });

  it('prints "a.n. <kepala>", the delegate\'s jabatan and "u.b." above the chair\'s jabatan, in that order', async () => {
    const text = await notulen('onBehalfVia', false, 'Sekretaris');
    const lines = ['Pimpinan Rapat,', `a.n. ${HEAD.position}`, 'Sekretaris,', 'u.b.', 'Kepala Bappeda selaku Ketua Gugus Tugas KLA,'];
    const at = lines.map((l) => text.indexOf(l));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Without the delegate's jabatan there is no "u.b." to write: a plain "a.n.".
    const plain = await notulen('onBehalfVia', false, '');
    expect(plain).toContain(`a.n. ${HEAD.position}`);
    expect(plain).not.toContain('u.b.');
  });

  it('adds the head\'s Mengetahui block with name, pangkat and grouped NIP under the two', async () => {
    const text = await notulen('onBehalf', true);
    const mengetahui = text.lastIndexOf('Mengetahui,');
    expect(mengetahui).toBeGreaterThan(text.indexOf('Notulis,'));
    expect(text.slice(mengetahui)).toContain(`${HEAD.position},`);
    expect(text.slice(mengetahui)).toContain(HEAD.name);
    expect(text.slice(mengetahui)).toContain('NIP. 19700101 199503 2 001');
    // Only once: the chair's block no longer opens with "Mengetahui,".
    expect(text.match(/Mengetahui,/g)).toHaveLength(1);
  });

  it('lets the head sign as pimpinan, without a second Mengetahui block of the same person', async () => {
    const text = await notulen('head', true);
    expect(text).toContain(HEAD.name);
    expect(text.match(new RegExp(HEAD.name.replace(/\./g, '\\.'), 'g'))).toHaveLength(1);
    expect(text).not.toContain('a.n.');
  });

  it('reads a snapshot stored before signing modes existed as signed by the chair, without Mengetahui block', () => {
    const f = createMeetingFixture({}, tempDataDir());
    dirs.push(f.dir);
    const data = loadMinutesData(f.db, f.meetingId);
    f.close();
    const { signingMode: _m, signAcknowledge: _a, ...oldProfile } = data.profile;
    const old = readMinutesSnapshot(JSON.stringify({ version: 1, data: { ...data, profile: oldProfile } }));
    expect(old.profile.signingMode).toBe('chair');
    expect(old.profile.signAcknowledge).toBe(false);
    return renderMinutes(old).then((bytes) => docxText(bytes)).then((text) => expect(text).not.toContain('a.n.'));
  });
});
