/**
 * The engine's report as sentences for the facilitator: each item is an i18n key (below
 * `breakouts.report`) with its values, ids already turned into names and group numbers into group
 * names. Pure.
 */
import type { PlanReport } from '../../../shared/breakouts/engine.js';
import type { RoundView } from '../../../shared/breakouts/schemas.js';

export interface ReportLine {
  key: string;
  values: Record<string, string | number>;
  tone: 'ok' | 'warn';
}

export function describeReport(report: PlanReport, round: Pick<RoundView, 'groups'>, nameOf: (id: string) => string): ReportLine[] {
  const groupName = (i: number) => round.groups[i]?.name ?? String(i + 1);
  const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  const out: ReportLine[] = [];

  if (report.repeatedPairs === 0) out.push({ key: 'noRepeats', values: {}, tone: 'ok' });
  else {
    const pairs = report.repeats.slice(0, 5).map((p) => `${nameOf(p.a)} & ${nameOf(p.b)}`).join('; ');
    out.push({ key: 'repeats', values: { count: report.repeatedPairs, pairs }, tone: 'warn' });
    if (report.repeatLowerBound > 0) out.push({ key: 'repeatBound', values: { count: report.repeatLowerBound }, tone: 'ok' });
  }

  if (report.groups > 0) {
    out.push(
      report.minSize === report.maxSize
        ? { key: 'sizesEqual', values: { count: report.maxSize }, tone: 'ok' }
        : { key: 'sizes', values: { min: report.minSize, max: report.maxSize }, tone: report.sizeSpread > 1 ? 'warn' : 'ok' },
    );
  }

  for (const v of report.violations) {
    if (v.kind === 'apart') {
      out.push({ key: 'apart', values: { group: groupName(v.groups[0] ?? 0), names: names(v.ids) }, tone: 'warn' });
    } else if (v.kind === 'together') {
      out.push({ key: 'together', values: { groups: v.groups.map(groupName).join(', '), names: names(v.ids) }, tone: 'warn' });
    } else {
      out.push({
        key: 'spread',
        values: {
          group: groupName(v.groups[0] ?? 0),
          count: v.ids.length,
          attribute: v.attribute ?? '',
          value: v.value ?? '',
          limit: v.limit ?? 0,
          names: names(v.ids),
        },
        tone: 'warn',
      });
    }
  }
  if (report.violations.length === 0) out.push({ key: 'rulesKept', values: {}, tone: 'ok' });
  return out;
}

/** A broken rule as it shows on a group column or a person. */
export type RuleMark = 'apart' | 'together' | 'spread' | 'tooBig' | 'tooSmall';

export interface RuleMarks {
  groups: ReadonlyMap<number, ReadonlySet<RuleMark>>;
  people: ReadonlyMap<string, ReadonlySet<RuleMark>>;
}

/**
 * Where the report's broken rules sit: each violation on its group(s) and its people; when sizes differ
 * by more than one, the largest groups are "too big" and the smallest "too small". Pure.
 */
export function ruleMarks(report: PlanReport | undefined, round: Pick<RoundView, 'groups'>): RuleMarks {
  const groups = new Map<number, Set<RuleMark>>();
  const people = new Map<string, Set<RuleMark>>();
  const add = <K>(map: Map<K, Set<RuleMark>>, key: K, mark: RuleMark) => map.set(key, (map.get(key) ?? new Set()).add(mark));
  if (!report) return { groups, people };
  for (const v of report.violations) {
    for (const g of v.groups) add(groups, g, v.kind);
    for (const id of v.ids) add(people, id, v.kind);
  }
  if (report.sizeSpread > 1) {
    for (const g of round.groups) {
      if (g.members.length === report.maxSize) add(groups, g.index, 'tooBig');
      else if (g.members.length === report.minSize) add(groups, g.index, 'tooSmall');
    }
  }
  return { groups, people };
}
