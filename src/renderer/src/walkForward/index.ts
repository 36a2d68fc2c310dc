// Walk-forward pages: the list of runs, the form that sets one up (with its window plan), and a run's view with
// the walk-forward chart, per-window results and parameter drift.
export { NewWalkForwardPage } from './NewWalkForwardPage';
export { WalkForwardListPage } from './WalkForwardListPage';
export { WalkForwardRunPage } from './WalkForwardRunPage';
