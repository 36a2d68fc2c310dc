import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventMessage, EventName, EventPayload } from '../../../shared';
import { useClient } from './ClientContext';

/**
 * Subscribe to one pushed event for the component's lifetime. The handler is read through a ref so callers can
 * pass an inline closure without resubscribing on every render (and missing events in between).
 */
export function useHoldoutEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): void {
  const client = useClient();
  const handlerRef = useRef(handler);
  useLayoutEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(
    () =>
      client.onEvent((message: EventMessage) => {
        if (message.event === event) handlerRef.current(message.payload as EventPayload<E>);
      }),
    [client, event],
  );
}
