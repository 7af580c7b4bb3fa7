/**
 * Vote coalescing. Each vote commits on its own and is recorded here with the count before and after;
 * at most every `intervalMs` per event the owner is told to flush, and `take` hands over the counts that
 * differ from the start of the window (a vote and its take-back within one window cancel out).
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

interface Window {
  counts: Map<string, { baseline: number; latest: number }>;
  timer: unknown;
}

export class VoteCoalescer {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly onDue: (eventId: string) => void,
    private readonly scheduler: Scheduler = realScheduler,
    readonly intervalMs = 100,
  ) {}

  record(eventId: string, questionId: string, before: number, after: number): void {
    let window = this.windows.get(eventId);
    if (!window) {
      window = { counts: new Map(), timer: null };
      this.windows.set(eventId, window);
    }
    const entry = window.counts.get(questionId);
    if (entry) entry.latest = after;
    else window.counts.set(questionId, { baseline: before, latest: after });
    if (window.timer === null) {
      const w = window;
      w.timer = this.scheduler.set(() => {
        w.timer = null;
        this.onDue(eventId);
      }, this.intervalMs);
    }
  }

  /** The changed counts of the event's window, emptying it; null when nothing changed. */
  take(eventId: string): Record<string, number> | null {
    const window = this.windows.get(eventId);
    if (!window) return null;
    let counts: Record<string, number> | null = null;
    for (const [id, { baseline, latest }] of window.counts) {
      if (latest !== baseline) (counts ??= {})[id] = latest;
    }
    window.counts.clear();
    if (window.timer === null) this.windows.delete(eventId);
    return counts;
  }

  /** A deleted question's count must not be sent. */
  forget(eventId: string, questionId: string): void {
    this.windows.get(eventId)?.counts.delete(questionId);
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
