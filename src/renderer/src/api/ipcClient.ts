// The desktop client: a thin wrapper over what the preload exposed on window.holdout, turning reply envelopes
// back into results or typed HoldoutErrors.
import { buildApi, fromSerializedError, type Envelope, type HoldoutBridge } from '../../../shared';
import type { HoldoutClient } from './client';

export function createIpcClient(bridge: HoldoutBridge): HoldoutClient {
  const bridgeApi = bridge.api as unknown as Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>>;
  const api = buildApi(async (channel, input) => {
    const [ns, m] = channel.split('.');
    const reply = await bridgeApi[ns][m](input);
    if (reply.ok) return reply.result;
    throw fromSerializedError(reply.error);
  });
  return {
    mode: 'desktop',
    api,
    onEvent: (listener) => bridge.onEvent(listener),
    stageFile: async (file) => ({ kind: 'path', path: bridge.pathForFile(file) }),
  };
}
