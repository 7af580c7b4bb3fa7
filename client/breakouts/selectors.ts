/** Pure views of the breakouts slice: which round matters now, who is where, what time is left. */
import type { GroupView, HelpRequest, RoundView } from '../../shared/breakouts/schemas.js';
import type { PersonView } from '../../shared/people/index.js';
import type { AttendeeField } from '../../shared/people/index.js';
import type { BreakoutsData } from './slice.js';

export function sortedRounds(rounds: BreakoutsData['rounds']): RoundView[] {
  return Object.values(rounds).sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
}

export function isActive(round: Pick<RoundView, 'status'>): boolean {
  return round.status === 'running' || round.status === 'closing';
}

/** The round that is running or closing (the server allows one at a time). */
export function activeRound(rounds: BreakoutsData['rounds']): RoundView | null {
  return sortedRounds(rounds).find(isActive) ?? null;
}

export function groupOf(round: RoundView, personId: string): GroupView | null {
  return round.groups.find((g) => g.members.some((m) => m.id === personId)) ?? null;
}

/** The latest help request of one group of one round (the server keeps at most one open per group). */
export function groupHelp(help: BreakoutsData['help'], roundId: string, index: number): HelpRequest | null {
  return Object.values(help).filter((h) => h.roundId === roundId && h.groupIndex === index).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)).at(-1) ?? null;
}

/** The latest closed round in which `personId` had a group, with that group (its result stays readable). */
export function lastClosedGroup(rounds: BreakoutsData['rounds'], personId: string): { round: RoundView; group: GroupView } | null {
  for (const round of sortedRounds(rounds).filter((r) => r.status === 'closed').reverse()) {
    const group = groupOf(round, personId);
    if (group) return { round, group };
  }
  return null;
}

/** The round the panel opens on: the active one, else the first draft, else the latest. */
export function defaultRoundId(rounds: readonly RoundView[]): string | null {
  return (rounds.find(isActive) ?? rounds.find((r) => r.status === 'draft') ?? rounds.at(-1))?.id ?? null;
}

export type Clock =
  | { phase: 'running'; secondsLeft: number }
  | { phase: 'closing'; secondsLeft: number }
  | { phase: 'over' };

/** Seconds left, rounded up so "0" only shows once the time is really up. */
export function clockOf(round: Pick<RoundView, 'status' | 'endsAt' | 'closingEndsAt'>, now: number): Clock {
  const left = (iso: string | null) => (iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000)) : 0);
  if (round.status === 'running') return { phase: 'running', secondsLeft: left(round.endsAt) };
  if (round.status === 'closing') return { phase: 'closing', secondsLeft: left(round.closingEndsAt) };
  return { phase: 'over' };
}

/** 65 → "1:05", 3605 → "1:00:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Online people first, then by name; people without a name last. */
export function peopleList(people: Readonly<Record<string, PersonView>>): PersonView[] {
  return Object.values(people).sort(
    (a, b) =>
      Number(b.online) - Number(a.online) ||
      Number(a.name === null) - Number(b.name === null) ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** Open requests first, newest first within each part. */
export function helpList(help: BreakoutsData['help']): HelpRequest[] {
  return Object.values(help).sort(
    (a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.at.localeCompare(a.at) || b.id.localeCompare(a.id),
  );
}

/** Attributes a round can be spread by: the organizer's fields, then keys found on people (roster columns). */
export function attributeChoices(fields: readonly AttendeeField[], people: Readonly<Record<string, PersonView>>): Array<{ key: string; label: string }> {
  const out = fields.map((f) => ({ key: f.key, label: f.label }));
  const known = new Set(out.map((f) => f.key));
  const extra = new Set<string>();
  for (const p of Object.values(people)) for (const key of Object.keys(p.attributes)) if (!known.has(key)) extra.add(key);
  return [...out, ...[...extra].sort().map((key) => ({ key, label: key }))];
}

/** Names for ids: the round's member names first (they are current), then the plenary list. */
export function nameIndex(people: Readonly<Record<string, PersonView>>, rounds: readonly RoundView[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const p of Object.values(people)) out.set(p.id, p.name);
  for (const r of rounds) for (const g of r.groups) for (const m of g.members) if (m.name !== null || !out.has(m.id)) out.set(m.id, m.name);
  return out;
}

/** For the people list: which group of the round that matters now (running, else the latest draft) each person is in. */
export function groupIndexByPerson(rounds: BreakoutsData['rounds']): { round: RoundView | null; groupOf: ReadonlyMap<string, string> } {
  const sorted = sortedRounds(rounds);
  const round = sorted.find(isActive) ?? sorted.filter((r) => r.status === 'draft').at(0) ?? null;
  const out = new Map<string, string>();
  for (const g of round?.groups ?? []) for (const m of g.members) out.set(m.id, g.name);
  return { round, groupOf: out };
}
