import { routeHref } from '../app/route';
import type { StudyListManagement } from './useStudyListManagement';

/** Above the studies table: filter by tag (a study must carry every chosen tag) and compare the ticked studies. */
export function StudyListToolbar({ manage, total }: { manage: StudyListManagement; total: number }) {
  const n = manage.selected.length;
  return (
    <div className="study-list-toolbar" data-testid="study-list-toolbar">
      <div className="tag-filter" role="group" aria-label="Filter by tag">
        {manage.tags.length === 0 ? (
          <span className="muted">Tag studies on their page to filter them here.</span>
        ) : (
          <>
            <span className="muted">Tags:</span>
            <span className="tag-chips">
              {manage.tags.map(({ tag, count }) => (
                <button key={tag} type="button" className="tag-chip" aria-pressed={manage.filter.has(tag)} onClick={() => manage.toggleTag(tag)} data-testid="tag-filter-chip">
                  {tag} <span className="muted">{count}</span>
                </button>
              ))}
            </span>
            {manage.filter.size > 0 ? (
              <>
                <span className="muted" data-testid="tag-filter-count">
                  {manage.visible.length} of {total}
                </span>
                <button type="button" className="link-button" onClick={manage.clearFilter}>
                  Clear
                </button>
              </>
            ) : null}
          </>
        )}
      </div>
      {n >= 2 ? (
        <a className="button button-primary" href={routeHref({ page: 'study-compare', ids: manage.selected })} data-testid="compare-studies">
          Compare {n} studies
        </a>
      ) : (
        <span className="button" aria-disabled="true" title="Tick two studies or more to compare them" data-testid="compare-studies-disabled">
          {n === 1 ? 'Tick one more study to compare' : 'Tick studies to compare'}
        </span>
      )}
    </div>
  );
}

export function CompareHeaderCell() {
  return (
    <th scope="col" className="compare-cell">
      <span className="visually-hidden">Compare</span>
    </th>
  );
}

/** A row's compare tick box; its clicks do not open the study. */
export function CompareCheckbox({ id, name, manage }: { id: string; name: string; manage: StudyListManagement }) {
  return (
    <td className="compare-cell" onClick={(e) => e.stopPropagation()}>
      <input type="checkbox" aria-label={`Compare ${name}`} checked={manage.selected.includes(id)} onChange={() => manage.toggleSelected(id)} data-testid="compare-checkbox" />
    </td>
  );
}

export function StudyTagChips({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-chips" style={{ marginLeft: 8 }}>
      {tags.map((t) => (
        <span key={t} className="tag-chip">
          {t}
        </span>
      ))}
    </span>
  );
}
