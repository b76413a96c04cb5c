import { createBackend, type Backend } from '../src-main/core/backend';
import { TEN_YEAR_REGENCY, type RegencySize } from './generate-regency';
import { medianTime } from './support/median';
import { generateInto } from './support/bench-regency';
import { createTodaysRakor, ONE_YEAR_REGENCY } from './support/history-regencies';

// History must not slow down one meeting (issue 11): the 10-year regency (1,500 rakor, 30,000
// RTLs) next to a 1-year regency of the same shape (150 rakor, 3,000 RTLs), in one run. In each,
// a new Klaster III rakor is created after the last one (today's meeting) and what its screens
// read is timed through the operation path: the workspace (every tab reads it), the masters the
// tabs read, the meeting list's first page, and the tracker page the Tindak lanjut tab links to.
// (bench/meeting-workspace-ui.ts times the same meeting's tabs in Chromium.)
//   npx tsx bench/meeting-workspace.ts [runs]

const RUNS = Number(process.argv[2] ?? 30);
async function regency(size: RegencySize): Promise<{ backend: Backend; meetingId: number; remove(): void; counts: unknown; startMs: number }> {
  const { dir, counts, remove } = generateInto(size, 'rakor-bench-ws-');
  const started = performance.now();
  // The generator stored every closed meeting's snapshot: the first start has nothing to backfill.
  const backend = createBackend({ dataDir: dir, runtime: 'cli', log: () => undefined });
  const startMs = performance.now() - started;
  return { backend, meetingId: await createTodaysRakor(backend), remove, counts, startMs };
}

async function main() {
  const ten = await regency(TEN_YEAR_REGENCY);
  const one = await regency(ONE_YEAR_REGENCY);
  const reads: [string, (id: number) => [string, unknown]][] = [
    ['Ruang kerja rapat (`meeting.get`, dibaca semua tab)', (id) => ['meeting.get', { id }]],
    ['Instansi aktif (`agency.list`, tab Persiapan/Hadir/RTL)', () => ['agency.list', { includeInactive: false }]],
    ['Daftar rapat, halaman 1 (`meeting.list {limit: 51}`)', () => ['meeting.list', { search: '', limit: 51 }]],
    ['Tahun rapat (`meeting.years`)', () => ['meeting.years', {}]],
    ['Tautan ke Tindak lanjut (`actionItem.track {klaster III, belum}`)', () => ['actionItem.track', { clusterCode: 'III', status: 'belum' }]],
  ];
  const call = async (b: Backend, name: string, input: unknown) => {
    const result = await b.invoke(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.data;
  };
  const wsTen = (await call(ten.backend, 'meeting.get', { id: ten.meetingId })) as { previousActions: unknown[] };
  const wsOne = (await call(one.backend, 'meeting.get', { id: one.meetingId })) as { previousActions: unknown[] };
  console.log(`10 tahun: ${JSON.stringify(ten.counts)}; mulai pertama ${Math.round(ten.startMs)} ms`);
  console.log(`1 tahun: ${JSON.stringify(one.counts)}; mulai pertama ${Math.round(one.startMs)} ms`);
  console.log(`RTL di tab Tindak lanjut: ${wsTen.previousActions.length} (10 tahun) vs ${wsOne.previousActions.length} (1 tahun); JSON ruang kerja ${Math.round(JSON.stringify(wsTen).length / 1024)} KB vs ${Math.round(JSON.stringify(wsOne).length / 1024)} KB; ${RUNS} kali, median.\n`);
  console.log('| Baca | 10 tahun (ms) | 1 tahun (ms) | rasio |');
  console.log('|---|---:|---:|---:|');
  for (const [name, read] of reads) {
    const [opTen, inTen] = read(ten.meetingId);
    const [opOne, inOne] = read(one.meetingId);
    const a = await medianTime(() => call(ten.backend, opTen, inTen), RUNS);
    const b = await medianTime(() => call(one.backend, opOne, inOne), RUNS);
    console.log(`| ${name} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(a / b).toFixed(2)} |`);
  }
  for (const r of [ten, one]) {
    r.backend.close();
    r.remove();
  }
}

void main();
