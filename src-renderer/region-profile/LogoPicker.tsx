import { useState } from 'react';
import { errorMessageOf } from '../hooks/useAutosave';

const MAX_LOGO_BYTES = 1024 * 1024;
const TOO_BIG = 'Logo harus gambar PNG atau JPEG, paling besar 1 MB.';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The region's logo for the kop surat: chosen from a file, checked here and again in the core. */
export function LogoPicker({ initial, save }: { initial: string; save(dataUrl: string): Promise<unknown> }) {
  const [logo, setLogo] = useState(initial);
  const [error, setError] = useState('');

  async function apply(next: string) {
    try {
      await save(next);
      setLogo(next);
      setError('');
    } catch (e) {
      setError(errorMessageOf(e, 'logoDataUrl'));
    }
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type) || file.size > MAX_LOGO_BYTES) {
      setError(TOO_BIG);
      return;
    }
    await apply(await readAsDataUrl(file));
  }

  return (
    <div className="logo-box">
      {logo ? <img src={logo} alt="Logo daerah" /> : <span className="muted">Belum ada logo</span>}
      <label className="button">
        Pilih logo…
        <input type="file" accept="image/png,image/jpeg" className="visually-hidden" aria-label="Pilih logo"
          onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {logo && <button type="button" onClick={() => void apply('')}>Hapus logo</button>}
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}
