import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/** A stable function that calls the latest `callback` once calls have stopped for `delayMs`. */
export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, delayMs: number): (...args: A) => void {
  const callbackRef = useRef(callback);
  const timer = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    callbackRef.current = callback;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return useCallback(
    (...args: A) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => callbackRef.current(...args), delayMs);
    },
    [delayMs],
  );
}
