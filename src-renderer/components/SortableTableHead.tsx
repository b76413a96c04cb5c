import type { ReactNode } from 'react';

/** The parts of a react-table header this needs (the table's own Header type satisfies it). */
interface SortableHeader {
  id: string;
  column: {
    getIsSorted(): false | 'asc' | 'desc';
    getCanSort(): boolean;
    getToggleSortingHandler(): ((event: unknown) => void) | undefined;
  };
}

interface Props<H extends SortableHeader> {
  groups: { id: string; headers: H[] }[];
  /** Renders a header's content, e.g. `(h) => <table.FlexRender header={h} />`. */
  render(header: H): ReactNode;
}

/**
 * A table head whose sortable columns are buttons (keyboard-reachable) and announce their
 * order to screen readers through aria-sort. Shared by every list in the app.
 */
export function SortableTableHead<H extends SortableHeader>({ groups, render }: Props<H>) {
  return (
    <thead>
      {groups.map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                {header.column.getCanSort() ? (
                  <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                    {render(header)}
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                ) : (
                  render(header)
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
