// A study's search space rebuilt from what the store holds (the tuned parameters' specs), with a built-in
// strategy's constraints when every parameter they read is tuned: the same rule the study worker applies.
import { constraintParams, findBuiltinStrategy, searchSpaceFromSpecs, type ParamConstraint, type ParamSpec, type SearchSpace } from '../../core';
import type { StoredParamSpec } from '../studies/studyWorkerApi';

export function analysisSpace(strategy: string, params: readonly StoredParamSpec[]): SearchSpace {
  const builtin = findBuiltinStrategy(strategy);
  const specs = params as unknown as ParamSpec[];
  const names = new Set(specs.map((s) => s.name));
  const constraints = ((builtin?.constraints ?? []) as ParamConstraint[]).filter((c) =>
    constraintParams(c, builtin!.params).every((p) => names.has(p)),
  );
  return searchSpaceFromSpecs(specs, constraints);
}
