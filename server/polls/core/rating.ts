/** Rating results: how many people gave each value, and the mean (two decimals; null without answers). */
export function emptyDistribution(scale: number): number[] {
  return Array.from({ length: scale }, () => 0);
}

export function ratingMean(distribution: readonly number[]): number | null {
  let n = 0;
  let sum = 0;
  distribution.forEach((count, i) => {
    n += count;
    sum += count * (i + 1);
  });
  return n === 0 ? null : Math.round((sum / n) * 100) / 100;
}

export function ratingDistribution(values: readonly number[], scale: number): number[] {
  const d = emptyDistribution(scale);
  for (const v of values) if (v >= 1 && v <= scale) d[v - 1]! += 1;
  return d;
}
