/** The stage's SQL: on-air state per screen, the queue, the follow memory. */
import { OnAirItem, Screen, ScreenState } from '../../shared/stage/schemas.js';
import type { Db } from '../kernel/feature.js';
import { emptyStage, OFF_AIR, SCREENS, type FollowMemory, type StageState } from './core/types.js';

function parseItem(json: string): OnAirItem {
  return OnAirItem.parse(JSON.parse(json));
}

export async function loadStage(db: Db, eventId: string): Promise<StageState> {
  const state = emptyStage();
  const screens = await db.selectFrom('stage_screens').selectAll().where('event_id', '=', eventId).execute();
  for (const r of screens) {
    const screen = Screen.parse(r.screen);
    state[screen] = r.item
      ? ScreenState.parse({ item: parseItem(r.item), since: r.since, autoHideS: r.auto_hide_s === null ? null : Number(r.auto_hide_s), by: r.by })
      : { ...OFF_AIR };
  }
  const queue = await db.selectFrom('stage_queue').select(['id', 'item']).where('event_id', '=', eventId).orderBy('position').execute();
  state.queue = queue.map((r) => ({ id: r.id, item: parseItem(r.item) }));
  return state;
}

/** Writes what differs between two states (screens by upsert, the queue as a whole). */
export async function saveStage(db: Db, eventId: string, before: StageState, after: StageState): Promise<void> {
  for (const screen of SCREENS) {
    const s = after[screen];
    if (JSON.stringify(before[screen]) === JSON.stringify(s)) continue;
    const row = { item: s.item ? JSON.stringify(s.item) : null, since: s.since, auto_hide_s: s.autoHideS, by: s.by };
    await db
      .insertInto('stage_screens')
      .values({ event_id: eventId, screen, ...row })
      .onConflict((oc) => oc.columns(['event_id', 'screen']).doUpdateSet(row))
      .execute();
  }
  if (JSON.stringify(before.queue) !== JSON.stringify(after.queue)) {
    await db.deleteFrom('stage_queue').where('event_id', '=', eventId).execute();
    if (after.queue.length) {
      await db
        .insertInto('stage_queue')
        .values(after.queue.map((e, position) => ({ id: e.id, event_id: eventId, position, item: JSON.stringify(e.item) })))
        .execute();
    }
  }
}

/** Overlays with an auto-hide still pending (re-armed on start). */
export async function timedOverlays(db: Db): Promise<Array<{ eventId: string; at: number }>> {
  const rows = await db
    .selectFrom('stage_screens')
    .select(['event_id', 'since', 'auto_hide_s'])
    .where('screen', '=', 'overlay')
    .where('item', 'is not', null)
    .where('auto_hide_s', 'is not', null)
    .execute();
  return rows.filter((r) => r.since).map((r) => ({ eventId: r.event_id, at: Date.parse(r.since!) + Number(r.auto_hide_s) * 1000 }));
}

export async function loadFollow(db: Db, eventId: string): Promise<FollowMemory> {
  const r = await db.selectFrom('stage_follow').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!r) return { highlightedId: null, presentedId: null, shownRounds: [] };
  return { highlightedId: r.highlighted_id, presentedId: r.presented_id, shownRounds: JSON.parse(r.shown_rounds) as string[] };
}

export async function saveFollow(db: Db, eventId: string, m: FollowMemory): Promise<void> {
  const row = { highlighted_id: m.highlightedId, presented_id: m.presentedId, shown_rounds: JSON.stringify(m.shownRounds) };
  await db
    .insertInto('stage_follow')
    .values({ event_id: eventId, ...row })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(row))
    .execute();
}
