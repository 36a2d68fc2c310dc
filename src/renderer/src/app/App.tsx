import { DatasetsPage } from '../datasets/DatasetsPage';
import { DatasetView } from '../datasets/DatasetView';
import { ImportProvider } from '../datasets/ImportContext';
import { NavigationProvider } from './NavigationContext';
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
            {/* Keyed by id so switching datasets starts from a clean chart and fresh state. */}
            {route.page === 'dataset' ? <DatasetView key={route.id} id={route.id} /> : <DatasetsPage />}
          </main>
        </div>
      </ImportProvider>
    </NavigationProvider>
  );
}
