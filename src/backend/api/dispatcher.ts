// The back end's boundary: every request, whichever transport carried it (Electron IPC, the browser-mode
// WebSocket, a test), passes through here to be validated against the contract's schema before a service runs.
import { HoldoutError, methodDef, type HoldoutHandlers } from '../../shared';
import { toHoldoutError } from './errorMapping';

export type Dispatch = (channel: string, input: unknown) => Promise<unknown>;

export function createDispatcher(handlers: HoldoutHandlers): Dispatch {
  return async (channel, input) => {
    const def = methodDef(channel);
    if (!def) throw new HoldoutError('INVALID_REQUEST', `Unknown method "${channel}".`);
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length ? issue.path.join('.') : undefined;
      throw new HoldoutError(
        'INVALID_REQUEST',
        `Invalid request to ${channel}: ${where ? `${where}: ` : ''}${issue.message}.`,
        where ? { field: where } : undefined,
      );
    }
    const dot = channel.indexOf('.');
    const group = handlers[channel.slice(0, dot) as keyof HoldoutHandlers] as Record<string, (i: unknown) => Promise<unknown>>;
    try {
      return await group[channel.slice(dot + 1)](parsed.data);
    } catch (err) {
      throw toHoldoutError(err);
    }
  };
}

