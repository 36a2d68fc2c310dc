import { BacktestPage } from '../backtest/BacktestPage';
import { DatasetsPage } from '../datasets/DatasetsPage';
import { ExportsPage } from '../exports/ExportsPage';
import { DatasetView } from '../datasets/DatasetView';
import { ImportProvider } from '../datasets/ImportContext';
import { NewStudyPage } from '../studies/NewStudyPage';
import { StudiesPage } from '../studies/StudiesPage';
import { StudyDashboard } from '../studies/StudyDashboard';
import { NewWalkForwardPage, WalkForwardListPage, WalkForwardRunPage } from '../walkForward';
import { BackupPage, CompareStudiesPage } from '../studyManagement';
import { NavigationProvider } from './NavigationContext';
import { routeHref, type Route } from './route';
import { Sidebar } from './Sidebar';
import { useHashRoute } from './useHashRoute';

export function App() {
  const [route, navigate] = useHashRoute();
  return (
    <NavigationProvider navigate={navigate}>
      <ImportProvider>
        <div className="app-shell">
          <Sidebar route={route} />
          <main className="app-main">
            <Page route={route} />
          </main>
        </div>
      </ImportProvider>
    </NavigationProvider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dataset':
      // Keyed by id so switching datasets starts from a clean chart and fresh state.
      return <DatasetView key={route.id} id={route.id} />;
    case 'backtest':
      // Keyed by the preset so a link to another dataset or strategy starts afresh; the page itself only replaces
      // the address (no hashchange) when the user picks another one, so its own choices do not remount it.
      return <BacktestPage key={routeHref(route)} preset={route} />;
    case 'studies':
      return <StudiesPage />;
    case 'study-new':
      return <NewStudyPage />;
    case 'study-compare':
      return <CompareStudiesPage key={route.ids.join(',')} ids={route.ids} />;
    case 'backup':
      return <BackupPage />;
    case 'walk-forwards':
      return <WalkForwardListPage />;
    case 'walk-forward-new':
      return <NewWalkForwardPage />;
    case 'walk-forward':
      return <WalkForwardRunPage key={route.id} id={route.id} />;
    case 'exports':
      return <ExportsPage />;
    case 'study':
      return <StudyDashboard key={route.id} id={route.id} tab={route.tab ?? 'trials'} />;
    default:
      return <DatasetsPage />;
  }
}
