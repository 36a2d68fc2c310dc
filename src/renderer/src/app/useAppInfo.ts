import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared';
import { useClient } from '../api/ClientContext';

/** App info never changes while the app runs, so it is fetched once; a failure just leaves the footer shorter. */
export function useAppInfo(): AppInfo | null {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    client.api.app.info({}).then(
      (result) => {
        if (live) setInfo(result);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return info;
}
