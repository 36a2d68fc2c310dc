// Seeded, reproducible randomness for simulations and samplers: the sfc32-based Rng with savable state.
// Re-exports the public API of this folder.
export { Rng, RNG_STATE_LENGTH } from './rng';
