/** SQL for breakout rounds, groups, members, results, messages and help requests. Portable Kysely only. */
import type { Kysely, Transaction } from 'kysely';
import type { PlanReport } from '../../shared/breakouts/engine.js';
import { PlanSettings, type BreakoutMode, type HelpRequest, type RoundStatus } from '../../shared/breakouts/schemas.js';
import type { DB } from '../db/types.js';
import type { GroupState, MessageRecord, RoundSettings, RoundState } from './core/types.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Keeps `in (...)` lists well under every database's parameter limit. */
const CHUNK = 500;
function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

function parseJson<T>(json: string | null, fallback: T): T {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

const DEFAULT_SETTINGS: RoundSettings = { capacity: null, constraints: {}, videoTemplate: null, seed: 1, engine: null };

// ---- rounds ----

export async function loadRounds(db: Db, eventId: string, roundId?: string): Promise<RoundState[]> {
  let query = db.selectFrom('breakout_rounds').selectAll().where('event_id', '=', eventId);
  if (roundId) query = query.where('id', '=', roundId);
  const rows = await query.orderBy('number').orderBy('created_at').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const groups = new Map<string, GroupState[]>();
  const locked = new Map<string, string[]>();
  const arrivals = new Map<string, Record<string, string>>();
  // Only running and closing rounds mark late arrivals: closed rounds do not pay for reading them again.
  const active = (status: string) => status === 'running' || status === 'closing';
  for (const part of chunks(rows.filter((r) => active(r.status)).map((r) => r.id))) {
    const arrivalRows = await db.selectFrom('breakout_arrivals').select(['round_id', 'attendee_id', 'arrived_at']).where('round_id', 'in', part).execute();
    for (const a of arrivalRows) {
      const map = arrivals.get(a.round_id) ?? {};
      map[a.attendee_id] = a.arrived_at;
      arrivals.set(a.round_id, map);
    }
  }
  for (const part of chunks(ids)) {
    const groupRows = await db.selectFrom('breakout_groups').selectAll().where('round_id', 'in', part).orderBy('round_id').orderBy('group_index').execute();
    for (const g of groupRows) {
      const list = groups.get(g.round_id) ?? [];
      list.push({
        index: Number(g.group_index),
        name: g.name,
        topic: g.topic,
        videoUrl: g.video_url,
        capacity: g.capacity === null ? null : Number(g.capacity),
        members: [],
        result: g.result,
        resultVersion: Number(g.result_version),
      });
      groups.set(g.round_id, list);
    }
    const memberRows = await db
      .selectFrom('breakout_members')
      .select(['round_id', 'attendee_id', 'group_index', 'locked'])
      .where('round_id', 'in', part)
      .orderBy('round_id')
      .orderBy('group_index')
      .orderBy('position')
      .execute();
    for (const m of memberRows) {
      const group = groups.get(m.round_id)?.[Number(m.group_index)];
      if (group) group.members.push(m.attendee_id);
      if (Number(m.locked) === 1) locked.set(m.round_id, [...(locked.get(m.round_id) ?? []), m.attendee_id]);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    number: Number(r.number),
    status: r.status as RoundStatus,
    mode: r.mode as BreakoutMode,
    durationSec: Number(r.duration_sec),
    startedAt: r.started_at,
    endsAt: r.ends_at,
    closingEndsAt: r.closing_ends_at,
    closedAt: r.closed_at,
    showResults: Number(r.show_results) === 1,
    settings: { ...DEFAULT_SETTINGS, ...parseJson<Partial<RoundSettings>>(r.settings, {}) },
    groups: groups.get(r.id) ?? [],
    locked: (locked.get(r.id) ?? []).sort(),
    report: parseJson<PlanReport | null>(r.report, null),
    ...(active(r.status) ? { arrivals: arrivals.get(r.id) ?? {} } : {}),
  }));
}

export async function loadRound(db: Db, eventId: string, roundId: string): Promise<RoundState | undefined> {
  return (await loadRounds(db, eventId, roundId))[0];
}

/** Rounds whose timer must run (every event): for re-arming after a restart. */
export async function activeRoundRefs(db: Db): Promise<Array<{ id: string; eventId: string }>> {
  const rows = await db.selectFrom('breakout_rounds').select(['id', 'event_id']).where('status', 'in', ['running', 'closing']).execute();
  return rows.map((r) => ({ id: r.id, eventId: r.event_id }));
}

function roundRow(r: RoundState) {
  return {
    number: r.number,
    status: r.status,
    mode: r.mode,
    duration_sec: r.durationSec,
    started_at: r.startedAt,
    ends_at: r.endsAt,
    closing_ends_at: r.closingEndsAt,
    closed_at: r.closedAt,
    show_results: r.showResults ? 1 : 0,
    settings: JSON.stringify(r.settings),
    report: r.report ? JSON.stringify(r.report) : null,
  };
}

function groupRow(roundId: string, g: GroupState) {
  return {
    round_id: roundId,
    group_index: g.index,
    name: g.name,
    topic: g.topic,
    video_url: g.videoUrl,
    capacity: g.capacity,
    result: g.result,
    result_version: g.resultVersion,
  };
}

function memberRows(r: RoundState) {
  const locked = new Set(r.locked);
  return r.groups.flatMap((g) =>
    g.members.map((attendeeId, position) => ({ round_id: r.id, attendee_id: attendeeId, group_index: g.index, position, locked: locked.has(attendeeId) ? 1 : 0 })),
  );
}

export async function insertRound(db: Db, r: RoundState, now: Date): Promise<void> {
  await db.insertInto('breakout_rounds').values({ id: r.id, event_id: r.eventId, created_at: now.toISOString(), ...roundRow(r) }).execute();
  if (r.groups.length) await db.insertInto('breakout_groups').values(r.groups.map((g) => groupRow(r.id, g))).execute();
  for (const part of chunks(memberRows(r))) await db.insertInto('breakout_members').values(part).execute();
}

/** Writes what differs between two states of a round (a move rewrites one or two member rows, not all). */
export async function saveRound(db: Db, before: RoundState, after: RoundState): Promise<void> {
  const rb = roundRow(before);
  const ra = roundRow(after);
  if (JSON.stringify(rb) !== JSON.stringify(ra)) await db.updateTable('breakout_rounds').set(ra).where('id', '=', after.id).execute();
  for (const g of after.groups) {
    const old = before.groups[g.index];
    const row = groupRow(after.id, g);
    if (!old) await db.insertInto('breakout_groups').values(row).execute();
    else if (JSON.stringify(groupRow(before.id, old)) !== JSON.stringify(row)) {
      const { round_id: _r, group_index: _g, ...rest } = row;
      await db.updateTable('breakout_groups').set(rest).where('round_id', '=', after.id).where('group_index', '=', g.index).execute();
    }
  }
  await saveArrivals(db, before, after);
  const key = (m: { attendee_id: string }) => m.attendee_id;
  const oldMembers = new Map(memberRows(before).map((m) => [key(m), m]));
  const newMembers = new Map(memberRows(after).map((m) => [key(m), m]));
  for (const [id] of oldMembers) {
    if (!newMembers.has(id)) await db.deleteFrom('breakout_members').where('round_id', '=', after.id).where('attendee_id', '=', id).execute();
  }
  for (const [id, m] of newMembers) {
    const old = oldMembers.get(id);
    if (!old) await db.insertInto('breakout_members').values(m).execute();
    else if (old.group_index !== m.group_index || old.position !== m.position || old.locked !== m.locked) {
      await db
        .updateTable('breakout_members')
        .set({ group_index: m.group_index, position: m.position, locked: m.locked })
        .where('round_id', '=', after.id)
        .where('attendee_id', '=', id)
        .execute();
    }
  }
}

/** Arrivals are only ever added (a first presence does not change). */
async function saveArrivals(db: Db, before: RoundState, after: RoundState): Promise<void> {
  if (!after.arrivals || after.arrivals === before.arrivals) return;
  const old = before.arrivals ?? {};
  const rows = Object.entries(after.arrivals).filter(([id]) => !(id in old)).map(([id, at]) => ({ round_id: after.id, attendee_id: id, arrived_at: at }));
  for (const part of chunks(rows)) await db.insertInto('breakout_arrivals').values(part).onConflict((oc) => oc.doNothing()).execute();
}

export async function deleteRound(db: Db, roundId: string): Promise<void> {
  // Children first: the same statements work whether or not the database enforces the cascades.
  for (const table of ['breakout_arrivals', 'breakout_help', 'breakout_messages', 'breakout_result_versions', 'breakout_members', 'breakout_groups'] as const) {
    await db.deleteFrom(table).where('round_id', '=', roundId).execute();
  }
  await db.deleteFrom('breakout_rounds').where('id', '=', roundId).execute();
}

// ---- results ----

export async function resultVersionText(db: Db, roundId: string, index: number, version: number): Promise<string | undefined> {
  if (version === 0) return '';
  const row = await db
    .selectFrom('breakout_result_versions')
    .select('text')
    .where('round_id', '=', roundId)
    .where('group_index', '=', index)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.text;
}

export async function saveResult(db: Db, roundId: string, index: number, text: string, version: number, authorId: string | null, now: Date): Promise<void> {
  await db.updateTable('breakout_groups').set({ result: text, result_version: version }).where('round_id', '=', roundId).where('group_index', '=', index).execute();
  await db
    .insertInto('breakout_result_versions')
    .values({ round_id: roundId, group_index: index, version, text, author_id: authorId, created_at: now.toISOString() })
    .execute();
}

// ---- messages ----

export async function loadMessages(db: Db, roundIds: readonly string[]): Promise<Map<string, MessageRecord[]>> {
  const out = new Map<string, MessageRecord[]>();
  for (const part of chunks(roundIds)) {
    const rows = await db.selectFrom('breakout_messages').selectAll().where('round_id', 'in', part).orderBy('created_at').orderBy('id').execute();
    for (const r of rows) out.set(r.round_id, [...(out.get(r.round_id) ?? []), { id: r.id, roundId: r.round_id, text: r.text, at: r.created_at }]);
  }
  return out;
}

export async function insertMessage(db: Db, m: MessageRecord): Promise<void> {
  await db.insertInto('breakout_messages').values({ id: m.id, round_id: m.roundId, text: m.text, created_at: m.at }).execute();
}

// ---- help requests ----

/** Help requests with their group's current name; `name` (the asker's) is filled in by the runtime from people. */
export async function listHelp(db: Db, eventId: string, only: { roundId?: string; attendeeIds?: readonly string[] } = {}): Promise<HelpRequest[]> {
  let query = db
    .selectFrom('breakout_help as h')
    .innerJoin('breakout_groups as g', (j) => j.onRef('g.round_id', '=', 'h.round_id').onRef('g.group_index', '=', 'h.group_index'))
    .select(['h.id', 'h.round_id', 'h.group_index', 'g.name as group_name', 'h.attendee_id', 'h.created_at', 'h.resolved_at'])
    .where('h.event_id', '=', eventId);
  if (only.roundId) query = query.where('h.round_id', '=', only.roundId);
  if (only.attendeeIds) query = query.where('h.attendee_id', 'in', only.attendeeIds.length ? [...only.attendeeIds] : ['']);
  const rows = await query.orderBy('h.created_at').orderBy('h.id').execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    groupIndex: Number(r.group_index),
    groupName: r.group_name,
    attendeeId: r.attendee_id,
    name: null,
    at: r.created_at,
    resolvedAt: r.resolved_at,
  }));
}

export async function insertHelp(db: Db, eventId: string, h: HelpRequest): Promise<void> {
  await db
    .insertInto('breakout_help')
    .values({ id: h.id, event_id: eventId, round_id: h.roundId, group_index: h.groupIndex, attendee_id: h.attendeeId, created_at: h.at, resolved_at: h.resolvedAt })
    .execute();
}

export async function resolveHelp(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('breakout_help').set({ resolved_at: at }).where('id', '=', id).execute();
}

/** Every open request of a round, resolved at once (the round closed). */
export async function resolveHelpOfRound(db: Db, roundId: string, at: string): Promise<void> {
  await db.updateTable('breakout_help').set({ resolved_at: at }).where('round_id', '=', roundId).where('resolved_at', 'is', null).execute();
}

// ---- plan settings ----

/** The event's saved plan form; null when never saved (or unreadable after a schema change). */
export async function loadPlanSettings(db: Db, eventId: string): Promise<PlanSettings | null> {
  const row = await db.selectFrom('breakout_plan_settings').select('settings').where('event_id', '=', eventId).executeTakeFirst();
  const parsed = PlanSettings.safeParse(parseJson<unknown>(row?.settings ?? null, null));
  return parsed.success ? parsed.data : null;
}

export async function savePlanSettings(db: Db, eventId: string, settings: PlanSettings, now: Date): Promise<void> {
  const values = { settings: JSON.stringify(settings), updated_at: now.toISOString() };
  await db
    .insertInto('breakout_plan_settings')
    .values({ event_id: eventId, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
    .execute();
}
