// Routing lives in the URL hash so a reload (or a bookmark in browser mode) returns to the same place, and so
// it works both from file:// in the desktop app and from the local server, without server-side routes.

export type Route =
  | { page: 'datasets' }
  | { page: 'dataset'; id: string }
  /** The backtest page, optionally preset to a dataset and a strategy: #/backtest?dataset=ds_…&strategy=sma-crossover. */
  | { page: 'backtest'; dataset?: string; strategy?: string }
  | { page: 'studies' }
  | { page: 'study-new' }
  | { page: 'study'; id: string; tab?: StudyTab }
  /** Two or more studies side by side: #/studies/compare?ids=st_…,st_… */
  | { page: 'study-compare'; ids: string[] }
  | { page: 'backup' }
  | { page: 'exports' }
  | { page: 'walk-forwards' }
  | { page: 'walk-forward-new' }
  | { page: 'walk-forward'; id: string };

/** The study dashboard's tabs; the default, trials, has no suffix in the address: #/studies/st_…/parameters. */
export const STUDY_TABS = ['trials', 'parameters', 'robustness'] as const;
export type StudyTab = (typeof STUDY_TABS)[number];

const DATASET_ID = /^ds_[0-9a-z]{6,40}$/;
const STUDY_ID = /^st_[0-9a-f]{16}$/;
const WALK_FORWARD_ID = /^wf_[0-9a-f]{16}$/;
const STRATEGY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function parseBacktest(query: string): Route {
  const params = new URLSearchParams(query);
  const dataset = params.get('dataset');
  const strategy = params.get('strategy');
  return {
    page: 'backtest',
    // Malformed values are dropped rather than refused: the page then simply starts unpreset.
    ...(dataset && DATASET_ID.test(dataset) ? { dataset } : {}),
    ...(strategy && STRATEGY_NAME.test(strategy) ? { strategy } : {}),
  };
}

export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '');
  if (path === '/datasets' || path === '/datasets/') return { page: 'datasets' };
  const match = /^\/datasets\/([^/]+)$/.exec(path);
  if (match && DATASET_ID.test(match[1])) return { page: 'dataset', id: match[1] };
  const backtest = /^\/backtest\/?(?:\?(.*))?$/.exec(path);
  if (backtest) return parseBacktest(backtest[1] ?? '');
  if (path === '/studies' || path === '/studies/') return { page: 'studies' };
  if (path === '/studies/new') return { page: 'study-new' };
  const compare = /^\/studies\/compare\?ids=([^&]*)$/.exec(path);
  if (compare) {
    const ids = decodeURIComponent(compare[1]).split(',').filter((x) => STUDY_ID.test(x));
    return ids.length >= 1 ? { page: 'study-compare', ids: [...new Set(ids)] } : { page: 'studies' };
  }
  if (path === '/backup') return { page: 'backup' };
  if (path === '/walk-forward' || path === '/walk-forward/') return { page: 'walk-forwards' };
  if (path === '/walk-forward/new') return { page: 'walk-forward-new' };
  const walkForward = /^\/walk-forward\/([^/]+)$/.exec(path);
  if (walkForward && WALK_FORWARD_ID.test(walkForward[1])) return { page: 'walk-forward', id: walkForward[1] };
  if (path === '/exports' || path === '/exports/') return { page: 'exports' };
  const study = /^\/studies\/([^/]+)$/.exec(path);
  if (study && STUDY_ID.test(study[1])) return { page: 'study', id: study[1] };
  const studyTab = /^\/studies\/([^/]+)\/([a-z]+)$/.exec(path);
  if (studyTab && STUDY_ID.test(studyTab[1]) && (STUDY_TABS as readonly string[]).includes(studyTab[2])) {
    const tab = studyTab[2] as StudyTab;
    return tab === 'trials' ? { page: 'study', id: studyTab[1] } : { page: 'study', id: studyTab[1], tab };
  }
  return null;
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'dataset':
      return `#/datasets/${route.id}`;
    case 'backtest': {
      const params = new URLSearchParams();
      if (route.dataset) params.set('dataset', route.dataset);
      if (route.strategy) params.set('strategy', route.strategy);
      const query = params.toString();
      return query ? `#/backtest?${query}` : '#/backtest';
    }
    case 'studies':
      return '#/studies';
    case 'study-new':
      return '#/studies/new';
    case 'walk-forwards':
      return '#/walk-forward';
    case 'walk-forward-new':
      return '#/walk-forward/new';
    case 'walk-forward':
      return `#/walk-forward/${route.id}`;
    case 'study-compare':
      return `#/studies/compare?ids=${route.ids.join(',')}`;
    case 'backup':
      return '#/backup';
    case 'exports':
      return '#/exports';
    case 'study':
      return route.tab && route.tab !== 'trials' ? `#/studies/${route.id}/${route.tab}` : `#/studies/${route.id}`;
    default:
      return '#/datasets';
  }
}
