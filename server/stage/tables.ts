/** The stage module's tables (declared into the kernel's DB type by declaration merging). */

/** What is on air on one screen of one event (no row: nothing). */
export interface StageScreensTable {
  event_id: string;
  /** 'room' | 'overlay' */
  screen: string;
  /** JSON OnAirItem, or null when off air. */
  item: string | null;
  since: string | null;
  auto_hide_s: number | null;
  by: string | null;
}

export interface StageQueueTable {
  id: string;
  event_id: string;
  position: number;
  /** JSON OnAirItem. */
  item: string;
}

/** What the follow hook last saw of the other features' pointers (core/types.ts FollowMemory). */
export interface StageFollowTable {
  event_id: string;
  highlighted_id: string | null;
  presented_id: string | null;
  /** JSON string[]: rounds whose results are shown. */
  shown_rounds: string;
}

declare module '../db/types.js' {
  interface DB {
    stage_screens: StageScreensTable;
    stage_queue: StageQueueTable;
    stage_follow: StageFollowTable;
  }
}
