/**
 * The generic coalescer: per event, key → latest value within a time window. The first record of a
 * window arms one timer; when it fires the owner is told, and `take` hands over every key with the value
 * it had when the window opened (`baseline`) and its latest value, emptying the window. Used by votes
 * (question → count, 100 ms) and presence (attendee → online, 500 ms); ready for poll tallies.
 * The scheduler is injected so the logic is tested without real timers.
 */
export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface Entry<V> {
  /** The value before the first change of this window. */
  baseline: V;
  latest: V;
}

interface Window<V> {
  entries: Map<string, Entry<V>>;
  timer: unknown;
}

export class Coalescer<V> {
  private readonly windows = new Map<string, Window<V>>();

  constructor(
    private readonly onDue: (eventId: string) => void,
    private readonly scheduler: Scheduler = realScheduler,
    readonly intervalMs = 100,
    /** How a new value combines with the latest one of the window (default: replaces it). */
    private readonly merge: (latest: V, next: V) => V = (_latest, next) => next,
  ) {}

  /** Records the key's new value; `baseline` (default: the value) counts only for the first record of a window. */
  record(eventId: string, key: string, value: V, baseline: V = value): void {
    let window = this.windows.get(eventId);
    if (!window) {
      window = { entries: new Map(), timer: null };
      this.windows.set(eventId, window);
    }
    const entry = window.entries.get(key);
    if (entry) entry.latest = this.merge(entry.latest, value);
    else window.entries.set(key, { baseline, latest: value });
    if (window.timer === null) {
      const w = window;
      w.timer = this.scheduler.set(() => {
        w.timer = null;
        this.onDue(eventId);
      }, this.intervalMs);
    }
  }

  /** The window's entries, emptying it; null when nothing was recorded. */
  take(eventId: string): Map<string, Entry<V>> | null {
    const window = this.windows.get(eventId);
    if (!window) return null;
    const entries = window.entries;
    window.entries = new Map();
    if (window.timer === null) this.windows.delete(eventId);
    return entries.size ? entries : null;
  }

  /** Drops one key (e.g. a deleted question: its count must not be sent). */
  forget(eventId: string, key: string): void {
    this.windows.get(eventId)?.entries.delete(key);
  }

  forgetEvent(eventId: string): void {
    const window = this.windows.get(eventId);
    if (window?.timer != null) this.scheduler.clear(window.timer);
    this.windows.delete(eventId);
  }

  /** Events with a flush scheduled (for shutdown and tests). */
  dueEvents(): string[] {
    return [...this.windows.keys()];
  }

  stop(): void {
    for (const eventId of [...this.windows.keys()]) this.forgetEvent(eventId);
  }
}

/** The keys whose latest value differs from the window's baseline (a change taken back cancels out). */
export function changedValues<V>(entries: ReadonlyMap<string, Entry<V>>): Record<string, V> | null {
  let out: Record<string, V> | null = null;
  for (const [key, { baseline, latest }] of entries) if (latest !== baseline) (out ??= {})[key] = latest;
  return out;
}
