import { useEffect, useState } from 'react';
import { useClient } from '../api/ClientContext';
import type { HoldoutClient } from '../api/client';
import { toDisplayError, type DisplayError } from '../format/formatError';

export interface ApiQuery<T> {
  /** Null until the first answer. */
  data: T | null;
  error: DisplayError | null;
}

/**
 * One request made when the component mounts (and again if the client changes). For lists that do not change
 * while the app runs, such as the strategies and the metric definitions. `load` must be a stable function.
 */
export function useApiQuery<T>(load: (client: HoldoutClient) => Promise<T>): ApiQuery<T> {
  const client = useClient();
  const [state, setState] = useState<ApiQuery<T>>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    load(client).then(
      (data) => {
        if (live) setState({ data, error: null });
      },
      (err: unknown) => {
        if (live) setState({ data: null, error: toDisplayError(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [client, load]);
  return state;
}
