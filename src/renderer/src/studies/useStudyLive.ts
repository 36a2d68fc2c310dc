// One study kept live: its detail and trials loaded once, then updated from the study.progress and study.trials
// events. Incoming trials are collected in a ref and published at most every FLUSH_MS, so a fast study redraws
// its chart and table a few times a second rather than once per trial. If no event arrives for a while (a lost
// subscription, a study run by another process) the hook polls studies.get and studies.trials instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudyDetail, StudyProgress, StudySummary, StudyTrial } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useHoldoutEvent } from '../api/useHoldoutEvent';
import { toDisplayError, type DisplayError } from '../format/formatError';

const FLUSH_MS = 250;
const POLL_MS = 2000;

export const ACTIVE_STATUSES: ReadonlySet<StudySummary['status']> = new Set(['running', 'paused']);

export interface StudyLive {
  detail: StudyDetail | null;
  summary: StudySummary | null;
  progress: StudyProgress | null;
  /** In number order. */
  trials: StudyTrial[];
  error: DisplayError | null;
  /** Whether updates currently come from events (false: polling or nothing yet). */
  live: boolean;
  refresh: () => void;
  setSummary: (summary: StudySummary) => void;
}

export function useStudyLive(id: string): StudyLive {
  const client = useClient();
  const [detail, setDetail] = useState<StudyDetail | null>(null);
  const [summary, setSummaryState] = useState<StudySummary | null>(null);
  const [progress, setProgress] = useState<StudyProgress | null>(null);
  const [trials, setTrials] = useState<StudyTrial[]>([]);
  const [error, setError] = useState<DisplayError | null>(null);
  const [live, setLive] = useState(false);

  const byNumber = useRef(new Map<number, StudyTrial>());
  const dirty = useRef(false);
  const pendingProgress = useRef<StudyProgress | null>(null);
  const lastEvent = useRef(0);
  const status = useRef<StudySummary['status'] | null>(null);
  const request = useRef(0);

  const setSummary = useCallback((next: StudySummary) => {
    status.current = next.status;
    setSummaryState(next);
  }, []);

  const refresh = useCallback(() => {
    const n = ++request.current;
    Promise.all([client.api.studies.get({ id }), client.api.studies.trials({ id })]).then(
      ([d, list]) => {
        if (n !== request.current) return;
        setDetail(d);
        setSummary(d.summary);
        for (const t of list) byNumber.current.set(t.number, t);
        dirty.current = true;
        setError(null);
      },
      (err: unknown) => {
        if (n === request.current) setError(toDisplayError(err));
      },
    );
  }, [client, id, setSummary]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  useHoldoutEvent('study.progress', (payload) => {
    if (payload.id !== id) return;
    lastEvent.current = Date.now();
    const ended = status.current !== null && ACTIVE_STATUSES.has(status.current) && !ACTIVE_STATUSES.has(payload.status);
    pendingProgress.current = payload;
    // A study that has just ended: read its final state once (finish time, last trials).
    if (ended) refresh();
  });

  useHoldoutEvent('study.trials', (payload) => {
    if (payload.id !== id) return;
    lastEvent.current = Date.now();
    for (const t of payload.trials) byNumber.current.set(t.number, t);
    dirty.current = true;
  });

  // Publishing: at most 1000 / FLUSH_MS times a second.
  useEffect(() => {
    const timer = window.setInterval(() => {
      const p = pendingProgress.current;
      if (p) {
        pendingProgress.current = null;
        setProgress(p);
        status.current = p.status;
        setSummaryState((s) => (s ? { ...s, status: p.status, counts: p.counts, best: p.best } : s));
      }
      if (dirty.current) {
        dirty.current = false;
        setTrials([...byNumber.current.values()].sort((a, b) => a.number - b.number));
      }
      setLive(Date.now() - lastEvent.current < POLL_MS + 500);
    }, FLUSH_MS);
    return () => window.clearInterval(timer);
  }, []);

  // The fallback: poll while the study may still change and no event has come lately.
  useEffect(() => {
    const timer = window.setInterval(() => {
      const quiet = Date.now() - lastEvent.current > POLL_MS + 500;
      if (quiet && (status.current === null || ACTIVE_STATUSES.has(status.current))) refresh();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return { detail, summary, progress, trials, error, live, refresh, setSummary };
}
