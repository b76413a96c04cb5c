import type { CSSProperties, ReactNode } from 'react';
import type { ImageBlock, LabelTableBlock, Letterhead, ParagraphBlock, Signer, SignaturesBlock, TableBlock, TableCell } from '../../../shared/document';
import { halfPt, LINE, lineHeight, linesOf, pt } from './units';

// HTML of the document model's blocks, at their printed size: the same twips and half-points the
// Word writer uses, so lines wrap and tables break about where LibreOffice and Word break them.
// Spacing is padding, not margin: Word adds the space after one paragraph and before the next,
// it does not collapse them, and padding keeps every block's measured height honest.

const DEFAULT_TAB = 720;

/** The parts of a paragraph around its tabs, each but the last as wide as the way to its stop. */
function tabbed(b: ParagraphBlock): ReactNode {
  const parts = b.text.split('\t');
  if (parts.length === 1) return b.text;
  const left = b.indent?.left ?? 0;
  let x = left - (b.indent?.hanging ?? 0);
  return parts.map((part, i) => {
    if (i === parts.length - 1) return <span key={i}>{part}</span>;
    const stop = (b.tabs ?? []).find((t) => t > x) ?? (x < left ? left : x + DEFAULT_TAB);
    const width = stop - x;
    x = stop;
    return <span key={i} className="doc-tab" style={{ width: pt(width) }}>{part}</span>;
  });
}

export function paragraphStyle(b: ParagraphBlock): CSSProperties {
  return {
    paddingLeft: pt(b.indent?.left ?? 0),
    textIndent: pt(-(b.indent?.hanging ?? 0)),
    paddingTop: pt(b.spacing?.before ?? 0),
    paddingBottom: pt(b.spacing?.after ?? 0),
    lineHeight: lineHeight(b.spacing?.line),
    textAlign: b.align ?? 'left',
    fontWeight: b.bold ? 700 : undefined,
    fontStyle: b.italic ? 'italic' : undefined,
    fontSize: b.size ? halfPt(b.size) : undefined,
  };
}

export function Paragraph({ block }: { block: ParagraphBlock }) {
  return <p className="doc-p" style={paragraphStyle(block)}>{tabbed(block)}</p>;
}

const colgroup = (widths: number[]) => <colgroup>{widths.map((w, i) => <col key={i} style={{ width: pt(w) }} />)}</colgroup>;

/** Rows `from` to `to` (exclusive) of the label table. */
export function LabelTable({ block, from = 0, to = block.rows.length }: { block: LabelTableBlock; from?: number; to?: number }) {
  return (
    <table className="doc-label" style={{ width: pt(block.widths.reduce((s, w) => s + w, 0)) }}>
      {colgroup(block.widths)}
      <tbody>
        {block.rows.slice(from, to).map((row, i) => (
          <tr key={from + i}>
            <td><div>{row.label}</div></td>
            <td><div>:</div></td>
            <td>{row.lines.map((line, j) => <div key={j} className={row.hanging ? 'doc-hanging' : undefined}>{line}</div>)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cell(value: TableCell, width: number): ReactNode {
  if (value === null) return null;
  if (typeof value === 'object') {
    // Odd numbers sign on the left half, even on the right, as on the printed sheet.
    return <div style={value.sign % 2 === 0 ? { paddingLeft: pt(Math.round(width / 2) - 80 - 60) } : undefined}>{value.sign}.</div>;
  }
  const lines = linesOf(value);
  return (lines.length ? lines : ['-']).map((line, i) => <div key={i}>{line}</div>);
}

/** The header and body rows `from` to `to` (exclusive) of a bordered table: a table continued on a new page repeats its header. */
export function GridTable({ block, from = 0, to = block.rows.length }: { block: TableBlock; from?: number; to?: number }) {
  const widths = block.columns.map((c) => c.width);
  const bold = new Set(block.boldRows ?? []);
  return (
    <table className="doc-grid" style={{ width: pt(widths.reduce((s, w) => s + w, 0)), marginLeft: pt(block.indent ?? 0), fontSize: halfPt(block.size) }}>
      {colgroup(widths)}
      <thead>
        <tr>{block.columns.map((c, i) => <th key={i}>{c.header}</th>)}</tr>
      </thead>
      <tbody>
        {block.rows.slice(from, to).map((row, r) => (
          <tr key={from + r} style={{ height: block.rowHeight ? pt(block.rowHeight) : undefined, fontWeight: bold.has(from + r) ? 700 : undefined }}>
            {row.map((value, i) => (
              <td key={i} style={{ textAlign: block.columns[i].align ?? 'left', verticalAlign: block.rowHeight ? 'middle' : 'top' }}>{cell(value, widths[i])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SIGN_SPACE = 1100;

function signerLines(s: Signer): ReactNode[] {
  return [
    s.top.map((l, i) => <div key={i}>{l || '\u00a0'}</div>),
    s.roles.map((l, i) => <div key={i}>{l}</div>),
    <div style={{ height: pt(SIGN_SPACE) }} />,
    s.name ? <div className="doc-sign-name">{s.name}</div> : <div>(....................................)</div>,
    <div>{s.rank || '\u00a0'}</div>,
    <div>{s.nip || '\u00a0'}</div>,
  ];
}

function SignerRow({ row }: { row: Signer[] }) {
  const cells = row.map(signerLines);
  return (
    <table className="doc-sign">
      <tbody>
        {cells[0].map((_, line) => (
          <tr key={line}>
            {row.length === 1 ? <><td /><td className="doc-sign-one">{cells[0][line]}</td><td /></> : cells.map((c, i) => <td key={i}>{c[line]}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Signatures({ block }: { block: SignaturesBlock }) {
  return (
    <div className="doc-signatures">
      {block.lead.map((p, i) => <Paragraph key={i} block={p} />)}
      <p className="doc-p" style={{ paddingLeft: pt(block.indent), paddingBottom: pt(80), lineHeight: lineHeight(360) }}>{block.closing}</p>
      {block.rows.map((row, i) => <div key={i} style={{ paddingTop: pt(240) }}><SignerRow row={row} /></div>)}
    </div>
  );
}

export function Image({ block }: { block: ImageBlock }) {
  return (
    <figure className="doc-figure" style={{ paddingTop: pt(240), paddingBottom: pt(240) }}>
      <img src={block.dataUrl} alt={block.caption} style={{ width: pt(block.width), height: pt(block.height) }} />
      <figcaption>{block.caption}</figcaption>
    </figure>
  );
}

/** The kop surat: logo on the left, centred lines, the thick-thin rule. */
export function Kop({ kop, width }: { kop: Letterhead; width: number }) {
  const lines = kop.lines.map((l, i) => <div key={i} style={{ fontWeight: l.bold ? 700 : 400, fontSize: halfPt(l.size), lineHeight: LINE }}>{l.text}</div>);
  return (
    <div className="doc-kop" style={{ width: pt(width) }}>
      {kop.logo ? (
        <table className="doc-label" style={{ width: pt(width) }}>
          {colgroup([kop.logoColumn, width - kop.logoColumn])}
          <tbody>
            <tr>
              <td style={{ textAlign: 'center', verticalAlign: 'top' }}><img src={kop.logo.dataUrl} alt="" style={{ height: '69pt' }} /></td>
              <td style={{ textAlign: 'center' }}>{lines}</td>
            </tr>
          </tbody>
        </table>
      ) : <div style={{ textAlign: 'center' }}>{lines}</div>}
      <div className="doc-kop-rule" />
    </div>
  );
}
