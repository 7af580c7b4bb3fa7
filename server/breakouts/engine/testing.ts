/**
 * Test helper: an independent, deliberately naive check of a plan against its request (O(n²) maps,
 * no shared code with the engine), used by the unit, property and quality tests.
 */
import type { PlanRequest, PlanResult } from '../../../shared/breakouts/engine.js';

export interface Checked {
  repeats: number;
  apart: number;
  together: number;
  spread: number;
  minSize: number;
  maxSize: number;
}

export function people(n: number, attributes?: (i: number) => Record<string, string>): { id: string; attributes?: Record<string, string> }[] {
  return Array.from({ length: n }, (_, i) => (attributes ? { id: `p${i}`, attributes: attributes(i) } : { id: `p${i}` }));
}

export function check(request: PlanRequest, result: PlanResult): Checked {
  const ids = request.people.map((p) => p.id);
  const groups = request.groups ?? Math.ceil(ids.length / request.size!);
  const key = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const met = new Map<string, number>();
  const present = new Set(ids);
  for (const round of request.history ?? []) {
    for (const group of round) {
      const g = group.filter((id) => present.has(id));
      for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) met.set(key(g[i]!, g[j]!), (met.get(key(g[i]!, g[j]!)) ?? 0) + 1);
    }
  }
  const togetherSets = request.constraints?.together ?? [];
  const sameTogether = (a: string, b: string): boolean => {
    // transitive closure of overlapping sets
    const comp = new Set([a]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of togetherSets) {
        if (s.some((x) => comp.has(x)) && s.some((x) => !comp.has(x))) {
          s.forEach((x) => comp.add(x));
          grew = true;
        }
      }
    }
    return comp.has(b);
  };
  const out: Checked = { repeats: 0, apart: 0, together: 0, spread: 0, minSize: Infinity, maxSize: 0 };
  const attrOf = new Map(request.people.map((p) => [p.id, p.attributes ?? {}]));
  const totals = new Map<string, number>();
  for (const attribute of request.constraints?.spread ?? []) {
    for (const id of ids) {
      const v = attrOf.get(id)?.[attribute]?.trim();
      if (v) totals.set(`${attribute}\u0000${v}`, (totals.get(`${attribute}\u0000${v}`) ?? 0) + 1);
    }
  }
  for (const round of result.rounds) {
    if (round.length !== groups) throw new Error(`round has ${round.length} groups, expected ${groups}`);
    const seen = round.flat();
    if (seen.length !== ids.length || new Set(seen).size !== ids.length || !seen.every((id) => present.has(id))) {
      throw new Error('a round loses or doubles someone');
    }
    for (const group of round) {
      out.minSize = Math.min(out.minSize, group.length);
      out.maxSize = Math.max(out.maxSize, group.length);
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const k = key(group[i]!, group[j]!);
          if (sameTogether(group[i]!, group[j]!)) continue;
          const c = met.get(k) ?? 0;
          if (c >= 1) out.repeats++;
          met.set(k, c + 1);
        }
      }
      for (const set of request.constraints?.apart ?? []) {
        if (group.filter((id) => set.includes(id)).length > 1) out.apart++;
      }
      for (const attribute of request.constraints?.spread ?? []) {
        const counts = new Map<string, number>();
        for (const id of group) {
          const v = attrOf.get(id)?.[attribute]?.trim();
          if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        for (const [v, c] of counts) {
          if (c > Math.ceil(totals.get(`${attribute}\u0000${v}`)! / groups)) out.spread++;
        }
      }
    }
    const handled = new Set<string>();
    for (const set of togetherSets) {
      if (handled.has(set[0]!)) continue;
      const comp = ids.filter((id) => sameTogether(set[0]!, id));
      comp.forEach((id) => handled.add(id));
      const where = new Set(comp.map((id) => round.findIndex((g) => g.includes(id))));
      if (where.size > 1) out.together++;
    }
  }
  return out;
}
