// splitmix32: turns one 32-bit seed into a stream of well-mixed 32-bit words, used only to fill a generator's
// state so that nearby seeds (1, 2, 3 …) still start far apart.
// Reference: the 32-bit splitmix variant with Hash Prospector constants, as in https://github.com/bryc/code/blob/master/jshash/PRNGs.md

export function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let t = state ^ (state >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}
