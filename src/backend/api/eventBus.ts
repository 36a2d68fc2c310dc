// Pushed events (dataset changes, import progress...) fan out to every connected renderer: Electron windows
// through IPC, browser tabs through their WebSocket. Payloads are validated against the contract when emitted to a listener.
import { events, type EventListener, type EventName, type EventPayload } from '../../shared';

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    // With no one listening (the CLI, a benchmark) there is nothing to deliver, so nothing to validate: a study's
    // events would otherwise cost the main thread a parse of every trial.
    if (this.listeners.size === 0) return;
    const checked = events[event].parse(payload) as EventPayload<E>;
    for (const listener of this.listeners) {
      try {
        listener({ event, payload: checked });
      } catch (err) {
        console.error(`[holdout] an event listener for ${event} failed:`, err);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
