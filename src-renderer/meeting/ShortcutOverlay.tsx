import { useEffect, useRef } from 'react';

export const SHORTCUTS: [string, string][] = [
  ['Alt+1 … Alt+8', 'Pindah ke bagian rapat (Persiapan, Daftar hadir, Pembahasan, …)'],
  ['Alt+H', 'Tambah peserta (daftar hadir)'],
  ['Alt+R', 'Tambah RTL pada indikator yang sedang dibahas'],
  ['Alt+K', 'Tambah kesimpulan / keputusan'],
  ['Alt+PageDown / Alt+PageUp', 'Pembahasan: ke agenda atau kartu indikator berikutnya / sebelumnya (juga Alt+↓ / Alt+↑ di luar daftar pilihan)'],
  ['Enter atau Spasi pada judul indikator', 'Buka / tutup kartu indikator'],
  ['Ketik lalu ↓ / ↑ dan Enter', 'Pilih instansi: singkatan atau kata mana pun dari namanya (Esc: batal)'],
  ['Enter', 'Simpan baris baru (peserta, anggaran, RTL) lalu lanjut ke baris berikutnya'],
  ['Tab / Shift+Tab', 'Pindah antarkolom dalam satu baris'],
  ['Ctrl+S', 'Simpan sekarang (isian juga tersimpan otomatis)'],
  ['F1 atau Ctrl+/', 'Tampilkan / sembunyikan daftar pintasan ini, juga dari dalam isian'],
  ['?', 'Sama, bila kursor tidak berada di isian teks'],
  ['← / → pada tab', 'Pindah antarbagian rapat (Home / End: pertama / terakhir)'],
  ['Esc', 'Tutup jendela ini'],
];

/** The "?" overlay: every keyboard shortcut of the meeting screen. */
export function ShortcutOverlay({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog shortcut-dialog" aria-labelledby="shortcut-title" onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id="shortcut-title">Pintasan keyboard</h2>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions"><button type="button" autoFocus onClick={onClose}>Tutup</button></div>
    </dialog>
  );
}
