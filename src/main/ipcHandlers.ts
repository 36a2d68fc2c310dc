// One ipcMain handler per contract method. Each checks that the sender is our own renderer frame, then hands
// the raw input to the back end's dispatcher, which validates it against the contract's schema.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { toSerializedError, type Backend } from '../backend';
import { HoldoutError, channels, type Envelope } from '../shared';

export function registerIpcHandlers(backend: Backend, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  const registered = channels();
  for (const channel of registered) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: new HoldoutError('UNAUTHORIZED', `Refused ${channel} from an untrusted frame.`).toJSON() };
      }
      try {
        return { ok: true, result: await backend.dispatch(channel, input) };
      } catch (err) {
        return { ok: false, error: toSerializedError(err) };
      }
    });
  }
  return () => {
    for (const channel of registered) ipcMain.removeHandler(channel);
  };
}
