import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetDetail } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useHoldoutEvent } from '../api/useHoldoutEvent';
import { toDisplayError, type DisplayError } from '../format/formatError';

export interface DatasetState {
  dataset: DatasetDetail | null;
  /** The id names nothing in the store (deleted here, elsewhere, or a stale link). */
  gone: boolean;
  error: DisplayError | null;
  reload: () => void;
}

export function useDataset(id: string): DatasetState {
  const client = useClient();
  const [dataset, setDataset] = useState<DatasetDetail | null>(null);
  const [gone, setGone] = useState(false);
  const [error, setError] = useState<DisplayError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latest.current;
    client.api.datasets.get({ id }).then(
      (detail) => {
        if (request !== latest.current) return;
        setDataset(detail);
        setError(null);
      },
      (err: unknown) => {
        if (request !== latest.current) return;
        const shown = toDisplayError(err);
        if (shown.code === 'NOT_FOUND') setGone(true);
        else setError(shown);
      },
    );
  }, [client, id]);

  useEffect(reload, [reload]);
  useHoldoutEvent('datasets.changed', (change) => {
    if (change.id !== id) return;
    if (change.reason === 'deleted') setGone(true);
    else reload();
  });

  return { dataset, gone, error, reload };
}
