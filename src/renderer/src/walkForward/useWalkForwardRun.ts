// One walk-forward run kept current: loaded once, reloaded on each of its walkForward.progress events, and polled
// while it runs in case an event is missed; the current window's study progress comes from study.progress.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudyProgress, WalkForwardSummary } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useHoldoutEvent } from '../api/useHoldoutEvent';
import { toDisplayError, type DisplayError } from '../format/formatError';

const POLL_MS = 3000;

export interface WalkForwardLive {
  run: WalkForwardSummary | null;
  /** The latest progress of the study of the window being tuned. */
  studyProgress: StudyProgress | null;
  error: DisplayError | null;
  refresh: () => void;
  setRun: (run: WalkForwardSummary) => void;
}

export function useWalkForwardRun(id: string): WalkForwardLive {
  const client = useClient();
  const [run, setRun] = useState<WalkForwardSummary | null>(null);
  const [studyProgress, setStudyProgress] = useState<StudyProgress | null>(null);
  const [error, setError] = useState<DisplayError | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const n = ++latest.current;
    client.api.walkForward.get({ id }).then(
      (next) => {
        if (n !== latest.current) return;
        setRun(next);
        setError(null);
      },
      (err: unknown) => {
        if (n === latest.current) setError(toDisplayError(err));
      },
    );
  }, [client, id]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  useHoldoutEvent('walkForward.progress', (p) => {
    if (p.id === id) refresh();
  });

  const currentStudy = run?.windows.find((w) => w.status === 'running')?.studyId ?? null;
  useHoldoutEvent('study.progress', (p) => {
    if (p.id === currentStudy) setStudyProgress(p);
  });

  const running = run?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, refresh]);

  return { run, studyProgress: currentStudy === studyProgress?.id ? studyProgress : null, error, refresh, setRun };
}
