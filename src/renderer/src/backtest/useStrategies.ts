import type { StrategyInfo } from '../../../shared';
import type { HoldoutClient } from '../api/client';
import { useApiQuery, type ApiQuery } from '../hooks/useApiQuery';

const load = (client: HoldoutClient) => client.api.strategies.list({});

/** Built-in and user strategies with their parameter spaces. */
export function useStrategies(): ApiQuery<StrategyInfo[]> {
  return useApiQuery(load);
}
