// One analysis request kept in component state: loading (with the seconds spent so far, since the analyses take
// seconds), the report or the error, and a way to ask again (after "stale — recompute").
import { useCallback, useEffect, useRef, useState } from 'react';
import { toDisplayError, type DisplayError } from '../../format/formatError';

export interface AnalysisRequestState<T> {
  data: T | null;
  error: DisplayError | null;
  loading: boolean;
  /** Whole seconds since the pending request started (0 when idle). */
  elapsedSec: number;
  reload: () => void;
}

/** `load` must change exactly when the request changes (wrap it in useCallback with the request's inputs). */
export function useAnalysisRequest<T>(load: (() => Promise<T>) | null): AnalysisRequestState<T> {
  const [state, setState] = useState<{ data: T | null; error: DisplayError | null; loading: boolean }>({ data: null, error: null, loading: load !== null });
  const [elapsedSec, setElapsedSec] = useState(0);
  const [generation, setGeneration] = useState(0);
  const keep = useRef<T | null>(null);

  useEffect(() => {
    if (!load) return;
    let live = true;
    const started = Date.now();
    // The previous report stays on screen while the next one is computed, so recomputing does not blank the charts.
    setState({ data: keep.current, error: null, loading: true });
    setElapsedSec(0);
    const timer = window.setInterval(() => setElapsedSec(Math.floor((Date.now() - started) / 1000)), 1000);
    load().then(
      (data) => {
        if (!live) return;
        keep.current = data;
        setState({ data, error: null, loading: false });
      },
      (err: unknown) => {
        if (live) setState({ data: keep.current, error: toDisplayError(err), loading: false });
      },
    );
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, elapsedSec: state.loading ? elapsedSec : 0, reload };
}
