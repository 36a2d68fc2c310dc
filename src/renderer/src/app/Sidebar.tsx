import { useClient } from '../api/ClientContext';
import { routeHref, type Route } from './route';
import { useAppInfo } from './useAppInfo';

export function Sidebar({ route }: { route: Route }) {
  const client = useClient();
  const info = useAppInfo();
  const mode = info?.mode ?? client.mode;
  const datasetsActive = route.page === 'datasets' || route.page === 'dataset';
  const backtestActive = route.page === 'backtest';
  const studiesActive = route.page === 'studies' || route.page === 'study-new' || route.page === 'study' || route.page === 'study-compare';
  const exportsActive = route.page === 'exports';

  return (
    <aside className="sidebar">
      <div className="sidebar-brand">Holdout</div>
      <nav aria-label="Main">
        <ul className="sidebar-nav">
          <li>
            <a href={routeHref({ page: 'datasets' })} className="sidebar-link" aria-current={datasetsActive ? 'page' : undefined}>
              Datasets
            </a>
          </li>
          <li>
            <a href={routeHref({ page: 'backtest' })} className="sidebar-link" aria-current={backtestActive ? 'page' : undefined} data-testid="nav-backtest">
              Backtest
            </a>
          </li>
          <li>
            <a href={routeHref({ page: 'studies' })} className="sidebar-link" aria-current={studiesActive ? 'page' : undefined} data-testid="nav-studies">
              Studies
            </a>
          </li>
          <li>
            <a
              href={routeHref({ page: 'walk-forwards' })}
              className="sidebar-link"
              aria-current={route.page === 'walk-forwards' || route.page === 'walk-forward-new' || route.page === 'walk-forward' ? 'page' : undefined}
              data-testid="nav-walk-forward"
            >
              Walk-forward
            </a>
          </li>
          <li>
            <a href={routeHref({ page: 'exports' })} className="sidebar-link" aria-current={exportsActive ? 'page' : undefined} data-testid="nav-exports">
              Exports
            </a>
          </li>
          <li>
            <a href={routeHref({ page: 'backup' })} className="sidebar-link" aria-current={route.page === 'backup' ? 'page' : undefined} data-testid="nav-backup">
              Backup
            </a>
          </li>
        </ul>
      </nav>
      <footer className="sidebar-footer" data-testid="app-info" title={info ? `Data folder: ${info.dataDir}` : undefined}>
        {info ? `v${info.version} · ${mode} mode` : `${mode} mode`}
      </footer>
    </aside>
  );
}
