// Search spaces: the float, int and categorical distributions, constraints checks, the space itself with its
// user-value <-> internal-number conversions, the unit-cube codec, and spaces built from strategy declarations.
export type { CategoricalParam, FloatParam, IntParam, ParamDistribution } from './distribution';
export { gridSize } from './distribution';
export { floatParam, type FloatParamOptions } from './floatParam';
export { intParam, type IntParamOptions } from './intParam';
export { categoricalParam } from './categoricalParam';
export { SearchSpaceError, type SearchSpaceErrorKind } from './searchSpaceError';
export { SearchSpace, createSearchSpace, type SearchSpaceOptions } from './searchSpace';
export type { FeasibilityCheckOptions } from './feasibilityCheck';
export { UnitCubeCodec } from './unitCubeCodec';
export { fromUnit, toUnit, unitCell } from './paramUnitScale';
export { distributionFromSpec, searchSpaceFromSpecs, searchSpaceFromStrategy } from './strategySpace';
