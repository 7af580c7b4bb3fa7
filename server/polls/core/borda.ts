/**
 * Borda count for rankings: with n items, the item a person puts first gets n − 1 points, the second
 * n − 2, …, the last 0. The result lists every item's total; more points = ranked higher overall.
 */
export function bordaPoints(order: readonly string[]): Map<string, number> {
  const n = order.length;
  return new Map(order.map((id, position) => [id, n - 1 - position]));
}

export function bordaScores(itemIds: readonly string[], rankings: readonly (readonly string[])[]): Record<string, number> {
  const scores: Record<string, number> = Object.fromEntries(itemIds.map((id) => [id, 0]));
  for (const order of rankings) for (const [id, p] of bordaPoints(order)) if (id in scores) scores[id]! += p;
  return scores;
}

/** Items by score, best first (ties keep the poll's item order). */
export function rankItems<T extends { id: string }>(items: readonly T[], scores: Record<string, number>): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (scores[b.item.id] ?? 0) - (scores[a.item.id] ?? 0) || a.i - b.i)
    .map((x) => x.item);
}
