// Objectives: directions (minimise or maximise), Pareto dominance, the Pareto front, non-dominated sorting and
// crowding distance, shared by the study's best-trials report and the multi-objective samplers.
export { checkDirections, toMinimised, type Direction } from './direction';
export { dominates } from './dominates';
export { paretoFront } from './paretoFront';
export { nonDominatedRanks } from './nonDominatedSort';
export { crowdingDistance } from './crowdingDistance';
