// mulberry32: a small, fast, seedable generator of numbers in [0, 1), and a weighted draw from a table. Generated
// lineages and randomised tests need the same sequence for the same seed on every run, so a figure or a failure can
// be reproduced.

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One value of a table of (value, weight) pairs, weights summing to 1, drawn with `rand`. */
export function pick<T>(rand: () => number, table: [T, number][]): T {
  let roll = rand();
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (table[table.length - 1] as [T, number])[0];
}
