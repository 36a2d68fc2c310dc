import { useEffect, useState } from 'react';
import type { SampleInfo } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { toDisplayError, type DisplayError } from '../format/formatError';

export function useSamples(): { samples: SampleInfo[] | null; error: DisplayError | null } {
  const client = useClient();
  const [samples, setSamples] = useState<SampleInfo[] | null>(null);
  const [error, setError] = useState<DisplayError | null>(null);
  useEffect(() => {
    let live = true;
    client.api.datasets.samples({}).then(
      (list) => {
        if (live) setSamples(list);
      },
      (err: unknown) => {
        if (live) setError(toDisplayError(err));
      },
    );
    return () => {
      live = false;
    };
  }, [client]);
  return { samples, error };
}
