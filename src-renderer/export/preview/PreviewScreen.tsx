import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { MARGIN, pageNumberText, textWidth, type DocBlock, type DocModel } from '../../../shared/document';
import type { SavedFile } from '../../../shared/api/export';
import { previewPath, type PreviewRequest } from '../../../shared/preview-route';
import { api } from '../../api/client';
import { isElectron } from '../../api/transport';
import { navigate } from '../../router';
import { GridTable, Image, Kop, LabelTable, Paragraph, Signatures } from './DocBlocks';
import { paginate, type Measured, type Page } from './paginate';
import { bodyHeightPx, pageBox, pt } from './units';
import './preview.css';

// Pratinjau: the notulen (or the blank daftar hadir) as the pages it prints on, drawn from the
// same document model the Word writer renders. Three steps: read the model, lay every block out
// once in an invisible column of the text width to measure it, then deal the blocks onto pages
// (paginate.ts). The pages are real paper sizes with @page rules, so the browser's print (and
// the desktop app's printToPDF) gives the PDF of exactly these pages.

function block(b: DocBlock, from?: number, to?: number): ReactNode {
  switch (b.kind) {
    case 'paragraph': return <Paragraph block={b} />;
    case 'labelTable': return <LabelTable block={b} from={from} to={to} />;
    case 'table': return <GridTable block={b} from={from} to={to} />;
    case 'signatures': return <Signatures block={b} />;
    case 'image': return <Image block={b} />;
  }
}

/** Heights of every block of every section, and of the kop, read from the measuring column. */
function measure(root: HTMLElement, model: DocModel): { sections: Measured[][]; kopPx: number } {
  const sections = model.sections.map((section, s) =>
    section.blocks.map((b, i): Measured => {
      const el = root.querySelector<HTMLElement>(`[data-s="${s}"][data-b="${i}"]`);
      if (!el) return { height: 0 };
      const height = el.getBoundingClientRect().height;
      if (b.kind === 'table' || b.kind === 'labelTable') {
        const head = el.querySelector('thead');
        return {
          height,
          header: head ? head.getBoundingClientRect().height : 0,
          rows: [...el.querySelectorAll('tbody > tr')].map((tr) => tr.getBoundingClientRect().height),
        };
      }
      return { height };
    }),
  );
  const kop = root.querySelector<HTMLElement>('[data-kop]');
  return { sections, kopPx: kop ? kop.getBoundingClientRect().height : 0 };
}

/** Sheets drawn in the first frame. */
const FIRST_SHEETS = 3;

export function PreviewScreen({ request }: { request: PreviewRequest }) {
  const started = useRef(0);
  const [model, setModel] = useState<DocModel | null>(null);
  const fetched = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [layout, setLayout] = useState<{ pages: Page[]; firstTop: number; measureMs: number } | null>(null);
  const [pdf, setPdf] = useState<{ busy: boolean; text?: string; failed?: boolean }>({ busy: false });
  const measureRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const key = previewPath(request);

  useEffect(() => {
    let live = true;
    // The screen is mounted afresh for every address (keyed by it): nothing to reset here.
    started.current = performance.now();
    api.call('export.preview', {
      meetingId: request.meetingId, document: request.document, lampiran: request.lampiran,
      ...(request.paper ? { paper: request.paper } : {}), ...(request.rows !== undefined ? { rows: request.rows } : {}),
    }).then((m) => { fetched.current = performance.now() - started.current; if (live) setModel(m); }, (e: unknown) => { if (live) setError((e as Error).message || 'Pratinjau gagal disusun.'); });
    return () => { live = false; };
    // The address holds the whole request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useLayoutEffect(() => {
    if (!model || layout || !measureRef.current) return;
    const measureStart = performance.now();
    const { sections, kopPx } = measure(measureRef.current, model);
    // The kop sits in the first page's header: a tall one pushes the body down, as in Word.
    const firstTop = Math.max(MARGIN.top, MARGIN.header + Math.ceil(kopPx * 15) + 120);
    const pages = paginate(
      model.sections.map((s, i) => ({ blocks: s.blocks, measured: sections[i] })),
      bodyHeightPx(pageBox(model.paper, model.sections[0]?.orientation ?? 'portrait'), firstTop),
      (s) => bodyHeightPx(pageBox(model.paper, model.sections[s].orientation)),
    );
    setLayout({ pages, firstTop, measureMs: Math.round(performance.now() - measureStart) });
  }, [model, layout]);

  // The first sheets are drawn at once, the others in the next frame: the notulen appears as
  // soon as its first pages are laid out, however long it is. Ready (for the tests and the
  // desktop shell's printer, which wait for it) once every sheet is committed. The times are
  // written on the element: `firstMs` is what the user waits to see the document.
  const [shown, setShown] = useState(FIRST_SHEETS);
  useLayoutEffect(() => {
    const el = pagesRef.current;
    if (!layout || !el) return;
    if (!el.dataset.firstMs) {
      el.dataset.firstMs = String(Math.round(performance.now() - started.current));
      el.dataset.fetchMs = String(Math.round(fetched.current));
      el.dataset.measureMs = String(layout.measureMs);
    }
    if (shown < layout.pages.length) {
      const frame = requestAnimationFrame(() => setShown(layout.pages.length));
      return () => cancelAnimationFrame(frame);
    }
    el.dataset.ms = String(Math.round(performance.now() - started.current));
    el.setAttribute('data-preview-ready', '');
    return undefined;
  }, [layout, shown]);

  const font = useMemo(() => (model ? `"${model.font}", "Liberation Sans", Arial, sans-serif` : undefined), [model]);

  async function savePdf() {
    setPdf({ busy: true });
    try {
      const saved: SavedFile = await api.call('export.pdf', {
        meetingId: request.meetingId, document: request.document, lampiran: request.lampiran,
        ...(request.paper ? { paper: request.paper } : {}), ...(request.rows !== undefined ? { rows: request.rows } : {}),
      });
      setPdf({ busy: false, text: saved.saved ? `PDF disimpan${saved.path ? `: ${saved.path}` : '.'}` : undefined });
    } catch (e) {
      setPdf({ busy: false, failed: true, text: (e as Error).message || 'PDF gagal dibuat.' });
    }
  }

  const title = request.document === 'daftarHadir' ? 'Pratinjau daftar hadir kosong' : 'Pratinjau notulen';
  return (
    <section className="screen preview-screen" aria-labelledby="preview-title">
      <header className="screen-header preview-toolbar">
        <div>
          <h1 id="preview-title">{title}</h1>
          <p className="subtitle">
            {model ? `Kertas ${model.paper}${layout ? `, ${layout.pages.length} halaman` : ''}. Halaman dipecah seperti pada dokumen Word; hasil cetak Word dapat berbeda sedikit.` : 'Menyusun pratinjau…'}
          </p>
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => navigate(`/rapat/${request.meetingId}/ekspor`)}>Kembali ke ekspor</button>
          {isElectron
            ? <button type="button" className="primary" disabled={!layout} aria-disabled={pdf.busy} onClick={() => void (pdf.busy ? undefined : savePdf())}>{pdf.busy ? 'Membuat PDF…' : 'Simpan PDF'}</button>
            : <button type="button" className="primary" disabled={!layout} onClick={() => window.print()}>Cetak / Simpan PDF</button>}
        </div>
      </header>
      {pdf.text && <p className={`notice ${pdf.failed ? 'notice-error' : 'notice-success'} preview-toolbar`} role={pdf.failed ? 'alert' : 'status'}>{pdf.text}</p>}
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      {model && !layout && (
        <div className="doc-measure" ref={measureRef} style={{ fontFamily: font, fontSize: `${model.size / 2}pt` }} aria-hidden="true">
          {model.letterhead && <div data-kop=""><Kop kop={model.letterhead} width={textWidth(model.paper)} /></div>}
          {model.sections.map((s, si) => (
            <div key={si} style={{ width: pt(textWidth(model.paper, s.orientation)) }}>
              {s.blocks.map((b, bi) => <div key={bi} data-s={si} data-b={bi} className="doc-block">{block(b)}</div>)}
            </div>
          ))}
        </div>
      )}
      {model && layout && (
        <div className="preview-pages" ref={pagesRef} data-pages={layout.pages.length} style={{ fontFamily: font, fontSize: `${model.size / 2}pt` }}>
          {layout.pages.slice(0, shown).map((page, n) => {
            const section = model.sections[page.section];
            const box = pageBox(model.paper, section.orientation);
            const top = n === 0 ? layout.firstTop : MARGIN.top;
            return (
              <div key={n} className={`doc-sheet paper-${model.paper} ${section.orientation}`} style={{ width: pt(box.width), height: pt(box.height) }} aria-label={`Halaman ${n + 1}`} role="group">
                <div className="doc-header" style={{ top: pt(MARGIN.header), left: pt(MARGIN.left), width: pt(textWidth(model.paper, section.orientation)) }}>
                  {n === 0 ? model.letterhead && <Kop kop={model.letterhead} width={textWidth(model.paper)} /> : <div className="doc-page-number">{pageNumberText(n + 1)}</div>}
                </div>
                <div className="doc-body" style={{ top: pt(top), left: pt(MARGIN.left), width: pt(textWidth(model.paper, section.orientation)) }}>
                  {page.fragments.map((f, i) => <div key={i} className="doc-block">{block(section.blocks[f.block], f.from, f.to)}</div>)}
                </div>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
