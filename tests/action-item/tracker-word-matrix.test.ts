import { describe, expect, it } from 'vitest';
import { renderTrackerDocument, type TrackerDocument } from '../../src-main/core/export/tracker-document';
import { unbreakableWidth } from '../../src-main/core/export/text-width';
import { textWidth } from '../../shared/document';
import type { RegionProfile } from '../../shared/types';
import type { TrackerRow } from '../../shared/tracker';
import { docxParts, paragraphTexts, tableRows } from '../support/docx-read';

// The Word RTL matrix of the tracker (export.tracker, format docx) written from rows given here,
// read back from the .docx: what each cell says, the page it is set on, and columns wide enough
// for their words. tracker-export.test.ts exports the same matrix through the backend.

const PROFILE: RegionProfile = {
  regionType: 'kabupaten', regionName: '', province: '', timeZone: 'WIB', letterheadLines: ['PEMERINTAH KABUPATEN KOTAWARINGIN TIMUR'],
  logoDataUrl: '', paper: 'A4', fontFamily: 'Arial', fontSizePt: 12, signingPlace: 'Sampit', targetPredikat: '', targetYear: null,
  currentPredikat: '', currentPredikatYear: null, updatedAt: '2026-01-05T01:00:00.000Z', revision: 1,
  headName: '', headPosition: '', headRank: '', headNip: '', chairName: '', chairPosition: '', chairRank: '', chairNip: '',
  notulisName: '', notulisPosition: '', notulisRank: '', notulisNip: '',
  signingMode: 'chair', signAcknowledge: false, signViaPosition: '', attendancePrintNip: true, attendancePrintPhone: true,
};

let nextId = 1;
const row = (fields: Partial<TrackerRow>): TrackerRow => ({
  id: nextId++, meetingId: 1, indicatorId: null, problem: '', description: 'RTL', leadAgencyId: null, relatedAgencyIds: [],
  targetDate: null, fundingSource: '', budgetLineId: null, status: 'belum', notes: '', createdAt: '', updatedAt: '', revision: 1,
  meetingTitle: 'Rakor III Januari', meetingDate: '2025-01-10', clusterCode: null, indicatorNumber: null, indicatorName: null,
  leadAgencyName: null, relatedAgencyNames: [], lastUpdateDate: null, lastUpdateNotes: null, overdue: false, ...fields,
});

/** A: on an indicator, led and followed up; B: no lead agency, never followed up, with a note of its own. */
const A = row({
  indicatorId: 7, problem: 'Stunting', description: 'Pelatihan konselor ASI', leadAgencyId: 1, relatedAgencyIds: [2], targetDate: '2025-02-01',
  fundingSource: 'APBD murni', status: 'proses', clusterCode: 'III', indicatorNumber: 11, indicatorName: 'Prevalensi stunting',
  leadAgencyName: 'Dinas Kesehatan', relatedAgencyNames: ['Dinas Pekerjaan Umum'], lastUpdateDate: '2025-09-10', lastUpdateNotes: 'Belum tuntas', overdue: true,
});
const B = row({ description: 'Forum anak desa', meetingTitle: 'Rakor III Maret', meetingDate: '2025-03-10', notes: 'Menunggu anggaran perubahan' });

const doc = (fields: Partial<TrackerDocument> = {}): TrackerDocument => ({ profile: PROFILE, rows: [A, B], filterText: 'Klaster III', today: '2026-01-05', ...fields });

async function written(d: TrackerDocument = doc()): Promise<Map<string, string>> {
  return docxParts(await renderTrackerDocument(d));
}

const bodyXml = (parts: Map<string, string>) => parts.get('word/document.xml') ?? '';
const matrixOf = (parts: Map<string, string>) => tableRows(bodyXml(parts))[0].map((cells) => cells.map((c) => c.text));
const gridOf = (xml: string) => [...xml.slice(xml.indexOf('<w:tblGrid>'), xml.indexOf('</w:tblGrid>')).matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));

describe('tracker RTL matrix in Word', () => {
  it('numbers the RTLs from 1 and puts the origin meeting, then the notulen\'s columns, in every row', async () => {
    const [header, first, second] = matrixOf(await written());
    expect(header).toEqual([
      'No', 'Rapat asal', 'Klaster/Indikator', 'Permasalahan', 'Uraian tindak lanjut', 'Penanggung jawab', 'Pihak terkait',
      'Target waktu', 'Sumber anggaran', 'Status', 'Keterangan',
    ]);
    expect(first).toEqual([
      '1', 'Rakor III Januari\n10 Januari 2025', 'Klaster III\n11. Prevalensi stunting', 'Stunting', 'Pelatihan konselor ASI', 'Dinas Kesehatan',
      'Dinas Pekerjaan Umum', '1 Februari 2025', 'APBD murni', 'Proses\nTerlambat', '10 September 2025: Belum tuntas',
    ]);
    // What an RTL lacks (no lead agency among them) reads "-". Never followed up: its own note alone.
    expect(second).toEqual(['2', 'Rakor III Maret\n10 Maret 2025', '-', '-', 'Forum anak desa', '-', '-', '-', '-', 'Belum', 'Menunggu anggaran perubahan']);
  });

  it('centres the row numbers and the statuses in their cells', async () => {
    const xml = bodyXml(await written());
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    const body = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].slice(1).map(([, r]) => [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) => c));
    const centred = (cell: string) => cell.split('</w:p>').slice(0, -1).every((p) => p.includes('<w:jc w:val="center"/>'));
    for (const cells of body) {
      expect(cells.map(centred)).toEqual(cells.map((_, i) => i === 0 || i === 9));
    }
  });

  it('is set on a landscape page and spans its text width, "Terlambat" whole in the Status column, the No column the narrowest', async () => {
    for (const paper of ['A4', 'F4'] as const) {
      const parts = await written(doc({ paper }));
      const xml = bodyXml(parts);
      const pgSz = /<w:pgSz [^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(pgSz, paper).toContain('w:orient="landscape"');
      const [w, h] = [/w:w="(\d+)"/, /w:h="(\d+)"/].map((re) => Number(re.exec(pgSz)?.[1]));
      expect(w, paper).toBeGreaterThan(h);
      const grid = gridOf(xml);
      expect(grid.reduce((s, x) => s + x, 0), paper).toBe(textWidth(paper, 'landscape'));
      const size = Number(/<w:style [^>]*w:styleId="TabelRakor(\d+)"/.exec(parts.get('word/styles.xml') ?? '')?.[1]);
      expect(grid[9], paper).toBeGreaterThanOrEqual(unbreakableWidth(['Terlambat'], size));
      expect(Math.min(...grid), paper).toBe(grid[0]);
      expect(grid[0], paper).toBeLessThan(grid[9]);
    }
  });

  it('keeps the month of a date whole in Rapat asal and Target waktu, also at a 14 pt Profil daerah ("Septe-mber" broke there)', async () => {
    for (const paper of ['A4', 'F4'] as const) {
      for (const fontSizePt of [12, 14]) {
        const september2025 = row({ ...B, id: 98, meetingTitle: 'Rakor', meetingDate: '2025-09-10', targetDate: '2025-09-30' });
        const parts = await written(doc({ paper, rows: [A, september2025], profile: { ...PROFILE, fontSizePt } }));
        const size = Number(/<w:style [^>]*w:styleId="TabelRakor(\d+)"/.exec(parts.get('word/styles.xml') ?? '')?.[1]);
        const grid = gridOf(bodyXml(parts));
        const september = unbreakableWidth(['September'], size);
        expect(grid[1], `${paper} ${fontSizePt} pt Rapat asal`).toBeGreaterThanOrEqual(september);
        expect(grid[7], `${paper} ${fontSizePt} pt Target waktu`).toBeGreaterThanOrEqual(september);
        expect(grid[9], `${paper} ${fontSizePt} pt Status`).toBeGreaterThanOrEqual(unbreakableWidth(['Terlambat'], size));
      }
    }
  });

  it('keeps every typed word whole, under a 14 or 16 pt Profil daerah in smaller type ("Pemberda-yaan" broke there)', async () => {
    const long = row({
      ...A, id: 99, problem: 'Angka perkawinan anak masih tinggi di kecamatan pedalaman',
      description: 'Pelatihan pemberdayaan keluarga dan sosialisasi pencegahan perkawinan anak',
      leadAgencyName: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', relatedAgencyNames: ['Kementerian Agama'],
    });
    for (const fontSizePt of [12, 14, 16]) {
      const parts = await written(doc({ rows: [A, B, long], profile: { ...PROFILE, fontSizePt } }));
      const size = Number(/<w:style [^>]*w:styleId="TabelRakor(\d+)"/.exec(parts.get('word/styles.xml') ?? '')?.[1]);
      const grid = gridOf(bodyXml(parts));
      const matrix = matrixOf(parts);
      grid.forEach((width, i) => {
        const words = unbreakableWidth(matrix.slice(1).map((cells) => cells[i]), size);
        expect(width, `${fontSizePt} pt, column ${matrix[0][i]}`).toBeGreaterThanOrEqual(Math.max(words, unbreakableWidth([matrix[0][i]], size, { bold: true })));
      });
      // The profile's own table size (9 pt under 12 pt) where the words fit, smaller only where they do not.
      if (fontSizePt === 12) expect(size).toBe(18);
      else expect(size, `${fontSizePt} pt`).toBeLessThan(fontSizePt * 2 - 6);
    }
  });

  it('heads the matrix with its title, the filters and the day, and names the file by the matrix', async () => {
    const parts = await written();
    const xml = bodyXml(parts);
    expect(paragraphTexts(xml.slice(0, xml.indexOf('<w:tbl>')))).toEqual([
      'MATRIKS RENCANA TINDAK LANJUT (RTL) GUGUS TUGAS KLA', 'Klaster III', 'Keadaan per Senin, 5 Januari 2026 · 2 RTL',
    ]);
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>Matriks Rencana Tindak Lanjut</dc:title>');
  });
});
