import './studyTabs.css';
import { routeHref, type StudyTab } from '../app/route';

const TABS: readonly { tab: StudyTab; label: string }[] = [
  { tab: 'trials', label: 'Trials' },
  { tab: 'parameters', label: 'Parameters' },
  { tab: 'robustness', label: 'Robustness' },
];

/** The study dashboard's tabs, as links: each tab has its own address (#/studies/st_…/parameters), so it can be shared or bookmarked. */
export function StudyTabs({ studyId, active }: { studyId: string; active: StudyTab }) {
  return (
    <nav className="study-tabs" role="tablist" aria-label="Study views" data-testid="study-tabs">
      {TABS.map(({ tab, label }) => (
        <a
          key={tab}
          role="tab"
          aria-selected={tab === active}
          className={tab === active ? 'study-tab study-tab-active' : 'study-tab'}
          href={routeHref({ page: 'study', id: studyId, tab })}
          data-testid={`study-tab-${tab}`}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
