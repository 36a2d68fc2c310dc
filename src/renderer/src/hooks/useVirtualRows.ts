// Which rows of a long fixed-row-height table are in view: the table renders only those (plus a margin) between
// two spacer rows that keep the scroll height of the whole list, so 100,000 rows scroll freely.
import { useState, type UIEvent } from 'react';

export interface VirtualRows {
  /** First and one-past-last row to render. */
  first: number;
  last: number;
  /** Heights of the spacer rows above and below the rendered rows, in pixels. */
  topPadding: number;
  bottomPadding: number;
  onScroll(event: UIEvent<HTMLElement>): void;
}

export function useVirtualRows(count: number, options: { rowHeight: number; viewportHeight: number; overscan?: number }): VirtualRows {
  const { rowHeight, viewportHeight, overscan = 8 } = options;
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return {
    first,
    last,
    topPadding: first * rowHeight,
    bottomPadding: Math.max(0, count - last) * rowHeight,
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
  };
}
