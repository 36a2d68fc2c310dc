import type { StudySummary } from '../../../shared';

/** 75 → "1 min 15 s", 4000 → "1 h 7 min". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export const STATUS_LABEL: Record<StudySummary['status'], string> = {
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  stopped: 'Stopped',
  interrupted: 'Interrupted',
  failed: 'Failed',
};

/** Trials finished (complete, failed or pruned). */
export function finishedTrials(summary: StudySummary): number {
  const c = summary.counts;
  return c.complete + c.failed + c.pruned;
}
