import type { MetricInfo } from '../../../shared';
import type { HoldoutClient } from '../api/client';
import { useApiQuery, type ApiQuery } from '../hooks/useApiQuery';

const load = (client: HoldoutClient) => client.api.metrics.definitions({});

/** Every metric's label, unit, group and description, in the registry's display order. */
export function useMetricDefinitions(): ApiQuery<MetricInfo[]> {
  return useApiQuery(load);
}
