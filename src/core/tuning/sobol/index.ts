// Sobol low-discrepancy sequences: Joe & Kuo's direction numbers, Matoušek's linear matrix scrambling with a
// digital shift, and the Gray-code generator the Sobol sampler and the GP's initial design draw from.
export { SobolSequence, sobolPoints, SOBOL_MAX_POINTS, type SobolOptions } from './sobolSequence';
export { SOBOL_MAX_DIMENSION, JOE_KUO_ROWS, type DirectionRow } from './joeKuoDirectionNumbers';
