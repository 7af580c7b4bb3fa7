/**
 * Test helper for the constructions: checks rounds of groupOf arrays (−1: point not used) and returns
 * what is wrong, or [] — every used point in exactly one group per round, the same points used in
 * every round, group sizes within one of each other, and no pair in a group twice.
 */
export function designProblems(rounds: Int32Array[], groups: number): string[] {
  const out: string[] = [];
  if (rounds.length === 0) return out;
  const v = rounds[0]!.length;
  const met = new Uint8Array(v * v);
  rounds.forEach((groupOf, r) => {
    if (groupOf.length !== v) out.push(`round ${r} has ${groupOf.length} points`);
    const members: number[][] = Array.from({ length: groups }, () => []);
    groupOf.forEach((g, p) => {
      if ((g < 0) !== (rounds[0]![p]! < 0)) out.push(`point ${p} used in some rounds only`);
      if (g >= groups) out.push(`round ${r}: group ${g} out of range`);
      else if (g >= 0) members[g]!.push(p);
    });
    const sizes = members.map((m) => m.length);
    if (Math.max(...sizes) - Math.min(...sizes) > 1) out.push(`round ${r}: sizes ${Math.min(...sizes)}..${Math.max(...sizes)}`);
    for (const m of members) {
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          if (met[m[i]! * v + m[j]!]!++) out.push(`round ${r}: ${m[i]} and ${m[j]} meet again`);
        }
      }
    }
  });
  return out.slice(0, 10);
}
