// A table header cell that sorts by its column when clicked, showing and announcing the current direction.
export interface SortableHeaderCellProps {
  label: string;
  numeric?: boolean;
  /** The current sort direction when this column is the sort column, else undefined. */
  direction: 'asc' | 'desc' | undefined;
  onToggle(): void;
  testId: string;
}

export function SortableHeaderCell({ label, numeric, direction, onToggle, testId }: SortableHeaderCellProps) {
  return (
    <th scope="col" className={numeric ? 'numeric' : undefined} aria-sort={direction === undefined ? 'none' : direction === 'asc' ? 'ascending' : 'descending'}>
      <button type="button" className="sort-button" onClick={onToggle} data-testid={testId}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {direction === undefined ? '' : direction === 'asc' ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
}

/** The spacer row standing in for rows that are scrolled out of view. */
export function SpacerRow({ height }: { height: number }) {
  return height > 0 ? <tr className="spacer-row" style={{ height }} aria-hidden="true" /> : null;
}
