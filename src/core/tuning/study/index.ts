// The ask/tell study: trial state machine, tell validation, resume from saved state, and the point proposal
// loop that keeps every handed-out point valid, feasible and (while possible) new.
export { Study, createStudy, type AskedTrial, type StudyOptions } from './study';
export type { FrozenTrial } from './frozenTrial';
export type { StudyState } from './studyState';
export { resolveTellResult, type TellResult } from './tellResult';
