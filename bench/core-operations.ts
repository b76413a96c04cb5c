import { LARGE_REGENCY } from './generate-regency';
import { benchRegency } from './support/bench-regency';
import { medianTime } from './support/median';

// What a user waits for during a rakor, measured on a large regency (5 years, 150 rakor, 3,000
// RTLs, 2,250 budget lines) through the whole operation path (validation, transaction,
// mapping), next to the bare SQL a hand-written query would run on the same file in the same
// run. Medians of repeated runs; these machines are noisy, so compare the ratio, not the ms.
//   npx tsx bench/core-operations.ts

const RUNS = 200;

const time = (fn: () => unknown, runs = RUNS) => medianTime(fn, runs);

async function main() {
  // The baseline is a second connection to the same file with the same durability settings.
  const { counts, raw, call, close } = benchRegency(LARGE_REGENCY, 'rakor-bench-');
  const biggest = (raw.prepare(`SELECT meeting_id AS id FROM action_item_update GROUP BY meeting_id ORDER BY count(*) DESC LIMIT 1`).get() as { id: number }).id;
  // The meeting being typed into is in progress (closed meetings refuse edits).
  raw.prepare(`UPDATE meeting SET status = 'berlangsung' WHERE id = ?`).run(biggest);
  const agencyId = (raw.prepare(`SELECT id FROM agency LIMIT 1`).get() as { id: number }).id;

  const perMeeting = {
    meeting: raw.prepare(`SELECT * FROM meeting WHERE id = ?`),
    agenda: raw.prepare(`SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position`),
    attendance: raw.prepare(`SELECT a.*, g.name FROM attendance a LEFT JOIN agency g ON g.id = a.agency_id WHERE meeting_id = ? ORDER BY position`),
    reviews: raw.prepare(`SELECT * FROM indicator_review WHERE meeting_id = ?`),
    budgets: raw.prepare(`SELECT * FROM budget_line WHERE meeting_id = ?`),
    actions: raw.prepare(`SELECT * FROM action_item WHERE meeting_id = ?`),
    decisions: raw.prepare(`SELECT * FROM decision WHERE meeting_id = ? ORDER BY position`),
    // The open RTLs of earlier meetings of the same cluster, with their updates.
    carried: raw.prepare(
      `SELECT ai.*, u.status AS reviewed FROM action_item ai
       JOIN meeting m ON m.id = ai.meeting_id
       JOIN meeting_cluster mc ON mc.meeting_id = ai.meeting_id
       LEFT JOIN action_item_update u ON u.action_item_id = ai.id AND u.meeting_id = ?
       WHERE mc.cluster_id IN (SELECT cluster_id FROM meeting_cluster WHERE meeting_id = ?)
         AND m.date < (SELECT date FROM meeting WHERE id = ?) AND (ai.status <> 'selesai' OR u.id IS NOT NULL)`,
    ),
  };
  const rows: [string, number, number][] = [];
  const measure = async (label: string, ours: () => unknown, baseline: () => unknown) => {
    rows.push([label, await time(ours), await time(baseline)]);
  };

  await measure('Daftar rapat (semua, terbaru dulu)',
    () => call('meeting.list', {}),
    () => raw.prepare(`SELECT m.*, group_concat(c.code) AS clusters FROM meeting m JOIN meeting_cluster mc ON mc.meeting_id = m.id JOIN cluster c ON c.id = mc.cluster_id GROUP BY m.id ORDER BY m.date DESC`).all());
  await measure('Cari rapat ("Klaster III", tahun 2025)',
    () => call('meeting.list', { search: 'Klaster III', year: 2025 }),
    () => raw.prepare(`SELECT * FROM meeting WHERE title LIKE '%Klaster III%' AND date LIKE '2025-%' ORDER BY date DESC`).all());
  await measure('Buka ruang kerja satu rapat (40 peserta, RTL lama)',
    () => call('meeting.get', { id: biggest }),
    () => {
      perMeeting.meeting.get(biggest);
      for (const s of [perMeeting.agenda, perMeeting.attendance, perMeeting.reviews, perMeeting.budgets, perMeeting.actions, perMeeting.decisions]) s.all(biggest);
      perMeeting.carried.all(biggest, biggest, biggest);
    });
  await measure('Anggaran satu instansi satu tahun',
    () => call('budgetLine.list', { agencyId, fiscalYear: 2025 }),
    () => raw.prepare(`SELECT * FROM budget_line WHERE agency_id = ? AND fiscal_year = ?`).all(agencyId, 2025));
  await measure('Daftar instansi (cari "dinas")',
    () => call('agency.list', { search: 'dinas' }),
    () => raw.prepare(`SELECT * FROM agency WHERE name LIKE '%dinas%' ORDER BY name`).all());
  let n = 0;
  await measure('Simpan satu ketikan (autosave catatan, commit FULL)',
    // Based on the revision just read, as the renderer's revision store would know it.
    () => call('meeting.update', { id: biggest, baseRevision: (raw.prepare(`SELECT revision FROM meeting WHERE id = ?`).get(biggest) as { revision: number }).revision, openingNotes: `Catatan ${n++}` }),
    () => raw.transaction(() => raw.prepare(`UPDATE meeting SET opening_notes = ?, updated_at = ? WHERE id = ?`).run(`Catatan ${n++}`, new Date().toISOString(), biggest))());

  close();

  console.log(`Data: ${counts.meetings} rapat, ${counts.attendees} baris hadir, ${counts.actions} RTL, ${counts.budgets} baris anggaran, ${counts.updates} pembaruan RTL.`);
  console.log(`Median dari ${RUNS} kali, milidetik.\n`);
  console.log('| Operasi | Rakor KLA (ms) | SQL langsung (ms) | Rasio |');
  console.log('|---|---:|---:|---:|');
  for (const [label, ours, base] of rows) {
    console.log(`| ${label} | ${ours.toFixed(2)} | ${base.toFixed(2)} | ${(ours / base).toFixed(1)}× |`);
  }
}

await main();
