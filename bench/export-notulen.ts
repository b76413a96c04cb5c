// Bench: the notulen of a large rakor (80 attendees, all 24 indicators, 200 RTLs, 150 budget
// lines, all three lampiran) built from a real SQLite file, next to pandoc turning the same
// content, written as Markdown, into .docx. Run: npx tsx bench/export-notulen.ts [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { databasePath, openDatabase } from '../src-main/core/db/database';
import { loadMinutesData, type MinutesData } from '../src-main/core/export/minutes-data';
import { renderMinutes } from '../src-main/core/export/minutes-document';
import { formatLongDate, formatRupiah, formatTimeRange } from '../shared/format';
import { formatNip } from '../shared/nip';
import { createMeetingFixture } from '../tests/support/meeting-fixture';

const RUNS = Number(process.argv[2] ?? 7);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
function table(header: string[], rows: string[][]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/** The same content as the Word export, as pandoc Markdown (pipe tables, page breaks skipped). */
function markdown(d: MinutesData): string {
  const m = d.meeting;
  const out: string[] = [
    ...d.profile.letterheadLines.map((l) => `**${l}**  `),
    '',
    `# NOTULEN ${m.title.toUpperCase()}`,
    '',
    table(['', ''], [
      ['Hari/Tanggal', formatLongDate(m.date)],
      ['Waktu', formatTimeRange(m.startTime, m.endTime, m.timeZone)],
      ['Tempat', m.place],
      ['Pimpinan Rapat', `${m.chair.name}, ${m.chair.position}`],
      ['Notulis', m.notulis.name],
      ['Peserta', `${d.attendees.length} orang, daftar hadir terlampir`],
      ['Acara', d.agenda.map((a) => a.title).join('; ')],
    ]),
    '', '## A. PEMBUKAAN', '', ...m.openingNotes.split('\n').flatMap((l) => [l, '']),
    '## B. PEMBAHASAN', '',
  ];
  d.agenda.forEach((a, i) => out.push(`${i + 1}. **${a.title}**`, '', ...a.notes.split('\n').flatMap((l) => [`    ${l}`, ''])));
  d.reviews.forEach((r, i) => out.push(
    `${i + 1}. **Indikator ${r.indicatorNumber}: ${r.indicatorName}**`, '',
    `    - Capaian: ${r.achievement}`, `    - Permasalahan: ${r.problem || '-'}`, `    - Rekomendasi: ${r.recommendation}`,
    `    - Penanggung jawab: ${r.leadAgencies.join(', ')}`, '',
  ));
  out.push('## C. TINDAK LANJUT HASIL RAPAT SEBELUMNYA', '', table(['No', 'Rencana tindak lanjut', 'Penanggung jawab', 'Status', 'Keterangan'],
    d.earlierActions.map((a, i) => [String(i + 1), a.description, a.leadAgency, a.status, a.notes])), '');
  out.push('## D. KESIMPULAN / KEPUTUSAN', '', ...d.decisions.map((t, i) => `${i + 1}. ${t}`), '');
  out.push('## E. RENCANA TINDAK LANJUT', '', table(['No', 'Indikator', 'Uraian', 'Penanggung jawab', 'Target', 'Status'],
    d.actions.map((a, i) => [String(i + 1), `${a.indicatorNumber ?? ''} ${a.indicatorName ?? ''}`, a.description, a.leadAgency, a.targetDate ?? '', a.status])), '');
  out.push('## F. PENUTUP', '', m.closingNotes, '', table(['Pimpinan Rapat', 'Notulis'], [
    [m.chair.name, m.notulis.name], [m.chair.rank, m.notulis.rank], [`NIP. ${formatNip(m.chair.nip)}`, `NIP. ${formatNip(m.notulis.nip)}`],
  ]), '');
  out.push('# Lampiran I: DAFTAR HADIR', '', table(['No', 'Nama', 'Jabatan', 'Instansi', 'No. HP', 'Tanda Tangan'],
    d.attendees.map((a, i) => [String(i + 1), a.name, a.jobTitle, a.agency, a.phone, `${i + 1}.`])), '');
  out.push('# Lampiran II: MATRIKS RENCANA TINDAK LANJUT', '', table(
    ['No', 'Klaster/Indikator', 'Permasalahan', 'Uraian tindak lanjut', 'Penanggung jawab', 'Pihak terkait', 'Target waktu', 'Sumber anggaran', 'Status', 'Keterangan'],
    d.actions.map((a, i) => [String(i + 1), `${a.clusterCode ?? ''} ${a.indicatorNumber ?? ''}. ${a.indicatorName ?? ''}`, a.problem, a.description, a.leadAgency, a.relatedAgencies.join(', '), a.targetDate ?? '', a.fundingSource, a.status, a.notes])), '');
  out.push('# Lampiran III: REKAPITULASI ANGGARAN', '', table(['No', 'Instansi', 'Kode', 'Kegiatan', 'Sumber dana', 'Pagu', 'Realisasi'],
    d.budget.map((b, i) => [String(i + 1), b.agency, b.subActivityCode, b.activityName, b.fundingSource, formatRupiah(b.allocationSen), formatRupiah(b.realizationSen)])), '');
  return out.join('\n');
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rakor-bench-export-'));
  try {
    const indicators = Array.from({ length: 24 }, (_, i) => i + 1);
    const fixture = createMeetingFixture({
      attendees: 80, indicators, actions: 200, budgetLines: 150, earlierActions: 10,
      clusterCodes: ['KL', 'I', 'II', 'III', 'IV', 'V'],
    }, dir);
    const meetingId = fixture.meetingId;
    fixture.close();

    // The measured path is the app's: open the file, read the meeting, build and pack the .docx.
    const db = openDatabase(databasePath(dir));
    const once = async () => {
      const t0 = performance.now();
      const bytes = await renderMinutes(loadMinutesData(db, meetingId), { lampiran: ['I', 'II', 'III'] });
      return { ms: performance.now() - t0, bytes };
    };
    const warm = await once();
    const ours: number[] = [];
    for (let i = 0; i < RUNS; i++) ours.push((await once()).ms);
    const data = loadMinutesData(db, meetingId);
    db.close();
    console.log(`Notulen: ${data.attendees.length} peserta, ${data.reviews.length} indikator, ${data.actions.length} RTL, ${data.budget.length} baris anggaran; ${(warm.bytes.byteLength / 1024).toFixed(0)} KB`);
    console.log(`Rakor KLA (docx 9): median ${median(ours).toFixed(0)} ms over ${RUNS} runs (first, cold: ${warm.ms.toFixed(0)} ms; min ${Math.min(...ours).toFixed(0)}, max ${Math.max(...ours).toFixed(0)})`);

    if (spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status !== 0) {
      console.log('pandoc tidak terpasang: pembanding dilewati.');
      return;
    }
    const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
    const md = path.join(dir, 'notulen.md');
    fs.writeFileSync(md, markdown(data));
    const pandoc: number[] = [];
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), md]);
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), md]);
      pandoc.push(performance.now() - t0);
    }
    console.log(`${version} (Markdown ${(fs.statSync(md).size / 1024).toFixed(0)} KB -> docx): median ${median(pandoc).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...pandoc).toFixed(0)}, max ${Math.max(...pandoc).toFixed(0)})`);
    const ratio = median(ours) / median(pandoc);
    console.log(`Rasio Rakor KLA / pandoc: ${ratio.toFixed(2)} (${ratio <= 1 ? 'tidak lebih lambat' : 'LEBIH LAMBAT'} dari pandoc; target < 1000 ms: ${median(ours) < 1000 ? 'tercapai' : 'TIDAK tercapai'})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
