import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetSummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useHoldoutEvent } from '../api/useHoldoutEvent';
import { toDisplayError, type DisplayError } from '../format/formatError';

export interface DatasetsState {
  /** Null until the first answer. */
  datasets: DatasetSummary[] | null;
  error: DisplayError | null;
  reload: () => void;
}

function newestFirst(list: DatasetSummary[]): DatasetSummary[] {
  return [...list].sort((a, b) => b.importedAt - a.importedAt);
}

/** The store's datasets, refreshed whenever anything (this window, the desktop menu, another tab) changes them. */
export function useDatasets(): DatasetsState {
  const client = useClient();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [error, setError] = useState<DisplayError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(() => {
    // Several changes can arrive together; only the answer to the last request may land.
    const request = ++latest.current;
    client.api.datasets.list({}).then(
      (list) => {
        if (request !== latest.current) return;
        setDatasets(newestFirst(list));
        setError(null);
      },
      (err: unknown) => {
        if (request === latest.current) setError(toDisplayError(err));
      },
    );
  }, [client]);

  useEffect(reload, [reload]);
  useHoldoutEvent('datasets.changed', reload);

  return { datasets, error, reload };
}
