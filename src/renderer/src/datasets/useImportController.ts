import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportResult, SampleInfo } from '../../../shared';
import { useClient } from '../api/ClientContext';
import { useHoldoutEvent } from '../api/useHoldoutEvent';
import { toDisplayError, type DisplayError } from '../format/formatError';

export type ImportActivity =
  /** Browser mode: the file is being sent to the local server before the back end can read it. */
  | { kind: 'uploading'; subject: string; sent: number; total: number }
  /** The back end is parsing; progress comes from 'import.progress' events (null until the first one). */
  | { kind: 'importing'; subject: string; progress: ImportProgress | null };

export type ImportOutcome = { kind: 'imported'; result: ImportResult } | { kind: 'failed'; subject: string; error: DisplayError };

export interface ImportController {
  activity: ImportActivity | null;
  outcome: ImportOutcome | null;
  /** Progress of an import this window did not start (the desktop File menu, another browser tab). */
  external: ImportProgress | null;
  busy: boolean;
  importFile: (file: File, name?: string) => void;
  loadSample: (sample: SampleInfo) => void;
  dismissOutcome: () => void;
}

/** An import elsewhere that sends no event for this long has finished or failed; its bar is taken down. */
const EXTERNAL_PROGRESS_TIMEOUT_MS = 4000;

/**
 * One import at a time, with its progress and its result. It lives above the routes (see ImportProvider) so an
 * import keeps reporting while the user looks at another dataset.
 */
export function useImportController(): ImportController {
  const client = useClient();
  const [activity, setActivity] = useState<ImportActivity | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [external, setExternal] = useState<ImportProgress | null>(null);
  const busyRef = useRef(false);

  useHoldoutEvent('import.progress', (progress) => {
    // Only one import runs from this window, so while it runs every progress event is taken to be its own.
    if (busyRef.current) setActivity((a) => (a?.kind === 'importing' ? { ...a, progress } : a));
    else setExternal(progress);
  });
  useHoldoutEvent('datasets.changed', () => setExternal(null));

  useEffect(() => {
    if (!external) return;
    const timer = window.setTimeout(() => setExternal(null), EXTERNAL_PROGRESS_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }, [external]);

  const run = useCallback(async (subject: string, work: () => Promise<ImportResult>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setOutcome(null);
    try {
      setOutcome({ kind: 'imported', result: await work() });
    } catch (err) {
      setOutcome({ kind: 'failed', subject, error: toDisplayError(err) });
    } finally {
      busyRef.current = false;
      setActivity(null);
    }
  }, []);

  const importFile = useCallback(
    (file: File, name?: string) => {
      void run(file.name, async () => {
        setActivity({ kind: 'uploading', subject: file.name, sent: 0, total: file.size });
        const source = await client.stageFile(file, (sent, total) => setActivity({ kind: 'uploading', subject: file.name, sent, total }));
        setActivity({ kind: 'importing', subject: file.name, progress: null });
        const trimmed = name?.trim();
        return client.api.datasets.import(trimmed ? { source, name: trimmed } : { source });
      });
    },
    [client, run],
  );

  const loadSample = useCallback(
    (sample: SampleInfo) => {
      void run(sample.name, () => {
        setActivity({ kind: 'importing', subject: sample.name, progress: null });
        return client.api.datasets.loadSample({ sample: sample.id });
      });
    },
    [client, run],
  );

  const dismissOutcome = useCallback(() => setOutcome(null), []);

  return { activity, outcome, external, busy: activity !== null, importFile, loadSample, dismissOutcome };
}
