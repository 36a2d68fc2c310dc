import './app/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientProvider } from './api/ClientContext';
import { createClient } from './api/createClient';
import { App } from './app/App';
import { BootError } from './app/BootError';
import { toDisplayError } from './format/formatError';
import './styles.css';

// A file dropped outside a drop zone would otherwise make the window navigate to it, leaving the app.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  try {
    const client = await createClient();
    root.render(
      <StrictMode>
        <ClientProvider client={client}>
          <App />
        </ClientProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<BootError message={toDisplayError(error).message} mode={window.holdout ? 'desktop' : 'browser'} />);
  }
}

void boot();
