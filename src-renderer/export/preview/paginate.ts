import type { DocBlock } from '../../../shared/document';

// Pages of the Pratinjau from measured heights, by the rules the Word writer gives Word and
// LibreOffice: a table's rows never split and its header repeats on a new page; a paragraph
// marked keep-with-next moves to the next page with what follows it; the signature block moves
// whole; every section starts on a new page. Pure, so it is tested without a browser.

/** A piece of a block on one page: the whole block, or rows `from`..`to` of a table. */
export interface Fragment {
  block: number;
  from?: number;
  to?: number;
}

export interface Page {
  section: number;
  fragments: Fragment[];
}

/** What the measuring pass found for one block, in CSS pixels. */
export interface Measured {
  /** Whole height of a paragraph, signature block or image. */
  height: number;
  /** Tables: height of the repeated header (0 for the label table) and of each body row. */
  header?: number;
  rows?: number[];
}

export interface SectionInput {
  blocks: DocBlock[];
  measured: Measured[];
}

/**
 * @param firstPageBody body height of the very first page (below the kop surat)
 * @param bodyHeight body height of every other page of section `s`
 */
export function paginate(sections: SectionInput[], firstPageBody: number, bodyHeight: (section: number) => number): Page[] {
  const pages: Page[] = [];
  sections.forEach((section, s) => {
    let page: Page = { section: s, fragments: [] };
    let used = 0;
    let capacity = s === 0 ? firstPageBody : bodyHeight(s);
    const newPage = () => {
      pages.push(page);
      page = { section: s, fragments: [] };
      used = 0;
      capacity = bodyHeight(s);
    };
    /** Starts a new page, taking along the keep-with-next paragraphs that end the current one. */
    const breakPage = () => {
      const carried: Fragment[] = [];
      while (page.fragments.length > carried.length + 1) {
        const last = page.fragments[page.fragments.length - 1];
        const b = section.blocks[last.block];
        if (b.kind !== 'paragraph' || !b.keepNext) break;
        carried.unshift(page.fragments.pop() as Fragment);
      }
      newPage();
      for (const f of carried) {
        page.fragments.push(f);
        used += section.measured[f.block].height;
      }
    };
    section.blocks.forEach((b, i) => {
      const m = section.measured[i];
      if ((b.kind === 'table' || b.kind === 'labelTable') && m.rows) {
        const header = m.header ?? 0;
        m.rows.forEach((h, r) => {
          const open = page.fragments[page.fragments.length - 1];
          const continuing = open?.block === i;
          const need = h + (continuing ? 0 : header);
          if (used + need > capacity && page.fragments.length > 0) {
            breakPage();
          }
          const last = page.fragments[page.fragments.length - 1];
          if (last?.block === i) {
            last.to = r + 1;
            used += h;
          } else {
            page.fragments.push({ block: i, from: r, to: r + 1 });
            used += h + header;
          }
        });
        // An empty table still prints its header.
        if (m.rows.length === 0) {
          if (used + header > capacity && page.fragments.length > 0) breakPage();
          page.fragments.push({ block: i, from: 0, to: 0 });
          used += header;
        }
        return;
      }
      if (used + m.height > capacity && page.fragments.length > 0) breakPage();
      page.fragments.push({ block: i });
      used += m.height;
    });
    pages.push(page);
  });
  return pages;
}
