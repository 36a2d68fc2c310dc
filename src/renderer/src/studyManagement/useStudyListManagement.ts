import { useMemo, useState } from 'react';
import type { StudySummary } from '../../../shared';

export interface StudyListManagement {
  /** Every tag in use, most used first, with its count. */
  tags: { tag: string; count: number }[];
  /** Studies carrying every selected tag (all of them when none is selected). */
  visible: StudySummary[];
  filter: ReadonlySet<string>;
  toggleTag: (tag: string) => void;
  clearFilter: () => void;
  /** Study ids ticked for comparison, in the order ticked. */
  selected: string[];
  toggleSelected: (id: string) => void;
}

/** The studies list's tag filter and its selection for comparison. */
export function useStudyListManagement(studies: StudySummary[] | null): StudyListManagement {
  const [filter, setFilter] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string[]>([]);
  const tags = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of studies ?? []) for (const t of s.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts.entries()].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }, [studies]);
  const visible = useMemo(() => (studies ?? []).filter((s) => [...filter].every((t) => s.tags.includes(t))), [studies, filter]);
  const existing = new Set((studies ?? []).map((s) => s.id));
  return {
    tags,
    visible,
    filter,
    toggleTag: (tag) =>
      setFilter((f) => {
        const next = new Set(f);
        if (next.has(tag)) next.delete(tag);
        else next.add(tag);
        return next;
      }),
    clearFilter: () => setFilter(new Set()),
    selected: selected.filter((id) => existing.has(id)),
    toggleSelected: (id) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])),
  };
}
