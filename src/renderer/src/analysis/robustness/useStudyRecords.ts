import { useEffect, useState } from 'react';
import type { StudyDetail, StudyTrial } from '../../../../shared';
import { useClient } from '../../api/ClientContext';
import { toDisplayError, type DisplayError } from '../../format/formatError';

export interface StudyRecords {
  detail: StudyDetail | null;
  trials: StudyTrial[];
  error: DisplayError | null;
}

/**
 * The study's specification and trials, for the trial picker and the trial profile; fetched again when `refreshKey`
 * changes (each new report), not on every finished trial of a running study.
 */
export function useStudyRecords(studyId: string, refreshKey: number): StudyRecords {
  const client = useClient();
  const [state, setState] = useState<StudyRecords>({ detail: null, trials: [], error: null });
  useEffect(() => {
    let live = true;
    Promise.all([client.api.studies.get({ id: studyId }), client.api.studies.trials({ id: studyId })]).then(
      ([detail, trials]) => {
        if (live) setState({ detail, trials, error: null });
      },
      (err: unknown) => {
        if (live) setState((s) => ({ ...s, error: toDisplayError(err) }));
      },
    );
    return () => {
      live = false;
    };
  }, [client, studyId, refreshKey]);
  return state;
}
