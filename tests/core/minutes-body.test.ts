import { describe, expect, it } from 'vitest';
import { Document, Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { minutesBody } from '../../src-main/core/export/minutes-body';
import { docxBlocks } from '../../src-main/core/export/docx-render';
import type { MinutesData } from '../../src-main/core/export/minutes-data';
import type { DocStyle } from '../../src-main/core/export/style';

// The body of the notulen (sections A–F) built from hand-made data and read back paragraph by
// paragraph from the document.xml docx writes: what a reader sees, in order.

const style: DocStyle = { paper: 'A4', font: 'Arial', size: 24, tableSize: 20 };

/** Each non-empty paragraph as [its text, its XML]. */
async function paragraphXml(data: MinutesData, lampiran: ('I' | 'II' | 'III')[] = []): Promise<[string, string][]> {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: docxBlocks(minutesBody(data, { style, width: 9000, lampiran }), 9000) }] }));
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p): [string, string] => [
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[1] === undefined ? '\t' : m[1])).join(''),
      p[0],
    ])
    .filter(([t]) => t !== '');
}

async function paragraphs(data: MinutesData, lampiran: ('I' | 'II' | 'III')[] = []): Promise<string[]> {
  return (await paragraphXml(data, lampiran)).map(([t]) => t);
}

type Parts = Partial<Omit<MinutesData, 'meeting'>> & { meeting?: Partial<MinutesData['meeting']> };

function data(parts: Parts): MinutesData {
  const { meeting, ...rest } = parts;
  return {
    meeting: { openingNotes: '', closingNotes: '', endTime: null, timeZone: 'WIB', ...meeting },
    agenda: [], reviews: [], earlierActions: [], decisions: [], actions: [], ...rest,
  } as unknown as MinutesData;
}

describe('notulen body', () => {
  it('prints every section, with a dash where nothing was recorded', async () => {
    expect(await paragraphs(data({}))).toEqual([
      'A.\tPEMBUKAAN', '-',
      'B.\tPEMBAHASAN', '-',
      'C.\tTINDAK LANJUT HASIL RAPAT SEBELUMNYA', '-',
      'D.\tKESIMPULAN / KEPUTUSAN', '-',
      'E.\tRENCANA TINDAK LANJUT', '-',
    ]);
  });

  it('writes agenda, indicator reviews, earlier RTL, decisions, RTL and the closing in order', async () => {
    const full = data({
      meeting: { openingNotes: 'Rapat dibuka oleh Sekda.\n\nDihadiri 20 orang.', closingNotes: 'Terima kasih.', endTime: '12:00', timeZone: 'WITA' },
      agenda: [{ title: 'Paparan Dinkes', notes: 'Stunting turun.\nPosyandu aktif.' }, { title: '  ', notes: '' }],
      reviews: [
        {
          clusterCode: 'III', indicatorNumber: 12, indicatorName: 'Status gizi balita', achievement: 'Prevalensi 18%', score: 712.45, isWeak: true,
          problem: 'Data belum padan', recommendation: '', leadAgencies: ['Dinkes', 'Bappeda'], supportAgencies: ['Dinsos'], kabkota: [],
        },
        {
          clusterCode: 'KL', indicatorNumber: 1, indicatorName: 'Perda KLA', achievement: '', score: null, isWeak: false,
          problem: '', recommendation: 'Ajukan raperda', leadAgencies: [], supportAgencies: ['Bagian Hukum'], kabkota: [],
        },
      ],
      earlierActions: [{ meetingTitle: 'Rakor Klaster I', meetingDate: '2025-01-05', description: 'Menyusun Perbup', leadAgency: 'Disdukcapil', status: 'proses', notes: 'Draf di Bagian Hukum' }],
      decisions: ['Data gizi dipadankan.\nPaling lambat Maret.', '   ', 'Rakor berikutnya April.'],
      actions: [
        { clusterCode: 'III', indicatorNumber: 12, indicatorName: 'Status gizi balita', description: 'Padankan data', leadAgency: 'Dinkes', targetDate: '2025-06-30', status: 'belum' },
        { clusterCode: null, indicatorNumber: null, indicatorName: null, description: 'Undang forum anak', leadAgency: '', targetDate: null, status: 'selesai' },
      ] as MinutesData['actions'],
    });
    expect(await paragraphs(full, ['I', 'II'])).toEqual([
      'A.\tPEMBUKAAN', 'Rapat dibuka oleh Sekda.', 'Dihadiri 20 orang.',
      'B.\tPEMBAHASAN',
      '1.\tPaparan Dinkes', 'Stunting turun.', 'Posyandu aktif.',
      '2.\t-',
      // No agenda item names the indicators: they become lettered sub-items of one more item.
      '3.\tPembahasan indikator (indikator yang masih lemah didahulukan)',
      'a.\tIndikator 12 (Klaster III): Status gizi balita — perlu perhatian',
      'Capaian\t:\tPrevalensi 18%', 'Nilai: 712,45',
      'Permasalahan\t:\tData belum padan',
      'Penanggung jawab\t:\tDinkes, Bappeda; pendukung: Dinsos',
      'b.\tIndikator 1 (Kelembagaan): Perda KLA',
      'Rekomendasi\t:\tAjukan raperda',
      'Penanggung jawab\t:\tpendukung: Bagian Hukum',
      'C.\tTINDAK LANJUT HASIL RAPAT SEBELUMNYA',
      'No', 'Rencana tindak lanjut', 'Penanggung jawab', 'Status', 'Keterangan',
      '1', 'Menyusun Perbup', '(Rakor Klaster I, 5 Januari 2025)', 'Disdukcapil', 'Proses', 'Draf di Bagian Hukum',
      'D.\tKESIMPULAN / KEPUTUSAN',
      '1.\tData gizi dipadankan.', 'Paling lambat Maret.',
      '2.\tRakor berikutnya April.',
      'E.\tRENCANA TINDAK LANJUT',
      'No', 'Klaster/Indikator', 'Uraian tindak lanjut', 'Penanggung jawab', 'Target waktu', 'Status',
      '1', 'Klaster III', '12. Status gizi balita', 'Padankan data', 'Dinkes', '30 Juni 2025', 'Belum',
      '2', '-', 'Undang forum anak', '-', '-', 'Selesai',
      'Rincian lengkap rencana tindak lanjut tercantum dalam Lampiran II.',
    ]);
  });

  it('points to Lampiran II only when it is attached, and prints reviews without agenda', async () => {
    const one = data({
      reviews: [{ clusterCode: 'V', indicatorNumber: 24, indicatorName: 'Ruang bermain', achievement: '', score: 0, isWeak: false, problem: '', recommendation: '', leadAgencies: ['PUPR'], supportAgencies: [], kabkota: [] }],
      actions: [{ clusterCode: 'V', indicatorNumber: 24, indicatorName: 'Ruang bermain', description: 'Bangun RBRA', leadAgency: 'PUPR', targetDate: null, status: 'proses' }] as MinutesData['actions'],
    });
    const text = await paragraphs(one, ['I', 'III']);
    expect(text).not.toContain('Rincian lengkap rencana tindak lanjut tercantum dalam Lampiran II.');
    expect(text.slice(3, 8)).toEqual([
      '1.\tPembahasan indikator (indikator yang masih lemah didahulukan)',
      'a.\tIndikator 24 (Klaster V): Ruang bermain',
      'Capaian\t:\tNilai: 0,00', 'Penanggung jawab\t:\tPUPR',
      'C.\tTINDAK LANJUT HASIL RAPAT SEBELUMNYA',
    ]);
  });

  it('prints the agenda without a dash when no indicator was reviewed', async () => {
    const text = await paragraphs(data({ agenda: [{ title: 'Paparan Bappeda', notes: 'Rencana aksi daerah.' }] }));
    expect(text.slice(2, 6)).toEqual(['B.\tPEMBAHASAN', '1.\tPaparan Bappeda', 'Rencana aksi daerah.', 'C.\tTINDAK LANJUT HASIL RAPAT SEBELUMNYA']);
  });

  it('keeps headings and item titles bold and on the page of what follows them', async () => {
    const blocks = await paragraphXml(data({
      agenda: [{ title: 'Paparan', notes: 'Isi' }],
      reviews: [{ clusterCode: 'I', indicatorNumber: 5, indicatorName: 'Akta', achievement: '', score: null, isWeak: false, problem: '', recommendation: '', leadAgencies: [], supportAgencies: [], kabkota: [] }],
    }));
    const xmlOf = (text: string) => blocks.find(([t]) => t === text)?.[1] ?? '';
    for (const heading of ['A.\tPEMBUKAAN', 'B.\tPEMBAHASAN', 'E.\tRENCANA TINDAK LANJUT', '1.\tPaparan', '2.\tPembahasan indikator (indikator yang masih lemah didahulukan)', 'a.\tIndikator 5 (Klaster I): Akta']) {
      expect(xmlOf(heading), heading).toContain('<w:keepNext/>');
      expect(xmlOf(heading), heading).toContain('<w:keepLines/>');
      expect(xmlOf(heading), heading).toContain('<w:b/>');
    }
    expect(xmlOf('Isi')).not.toContain('<w:keepNext/>');
    expect(xmlOf('Isi')).not.toContain('<w:b/>');
  });
});
