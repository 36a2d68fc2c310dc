// Study management after creation: rename, tags, Markdown notes on studies and trials, delete, continue tuning
// (a new study seeded with its parent's trials) and the export of a study's trials as CSV or Parquet.
export { StudyManagementService, type StudyManagementOptions } from './studyManagementService';
export { buildTrialsTable, type TrialsTable, type TrialsColumn } from './trialsTable';
