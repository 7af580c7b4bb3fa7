/**
 * An in-memory ChatStore with real transaction semantics (serialised; work runs on a copy that replaces
 * the data only when it finishes), plus the Q&A side the integrator implements in SQL: a question table
 * where imports land as pending and deletions withdraw. Fault injection lets tests fail a commit after
 * the questions were inserted (must roll back) — a stand-in for a crash mid-page.
 */
import type { BridgeCursor } from '../../server/chat/core/ledger.js';
import type { Ban } from '../../server/chat/core/mapping.js';
import type { ChatStore, ChatStoreTx, FeedRow, ImportRequest, StoredBridge } from '../../server/chat/store.js';

export interface FakeQuestion {
  id: string;
  eventId: string;
  text: string;
  authorName: string;
  source: 'youtube';
  messageId: string;
  manual: boolean;
  state: 'pending' | 'live' | 'withdrawn';
}

interface EventData {
  rows: FeedRow[];
  cursor: BridgeCursor | null;
}

interface Data {
  events: Record<string, EventData>;
  questions: FakeQuestion[];
  nextQuestion: number;
}

export class MemoryChatDb {
  data: Data = { events: {}, questions: [], nextQuestion: 1 };
  commits = 0;
  private failures = 0;
  private lock: Promise<unknown> = Promise.resolve();

  /** The next `n` transactions throw at their very end (after all writes), like a crash before COMMIT. */
  failNextCommits(n = 1): void {
    this.failures += n;
  }

  questions(eventId: string): FakeQuestion[] {
    return this.data.questions.filter((q) => q.eventId === eventId);
  }

  rows(eventId: string): FeedRow[] {
    return this.data.events[eventId]?.rows ?? [];
  }

  cursor(eventId: string): BridgeCursor | null {
    return this.data.events[eventId]?.cursor ?? null;
  }

  storeFor = (eventId: string): ChatStore => {
    const db = this;
    const ev = (d: Data): EventData => (d.events[eventId] ??= { rows: [], cursor: null });
    return {
      async load(): Promise<StoredBridge> {
        const e = db.data.events[eventId];
        return {
          cursor: e?.cursor ?? null,
          read: e?.rows.length ?? 0,
          imported: e?.rows.filter((r) => r.questionId !== null).length ?? 0,
        };
      },
      transaction<T>(work: (tx: ChatStoreTx) => Promise<T>): Promise<T> {
        const run = async (): Promise<T> => {
          const draft: Data = structuredClone(db.data);
          const e = ev(draft);
          const row = (id: string) => e.rows.find((r) => r.id === id) ?? null;
          const tx: ChatStoreTx = {
            async seen(ids) {
              const have = new Set(e.rows.map((r) => r.id));
              return new Set(ids.filter((id) => have.has(id)));
            },
            async importQuestion(req: ImportRequest) {
              const id = `q${draft.nextQuestion++}`;
              draft.questions.push({
                id,
                eventId,
                text: req.text,
                authorName: req.authorName,
                source: req.source,
                messageId: req.messageId,
                manual: req.manual,
                state: 'pending',
              });
              return id;
            },
            async recordMessage(r: FeedRow) {
              if (row(r.id)) throw new Error(`UNIQUE constraint failed: chat_messages.id (${r.id})`);
              e.rows.push({ ...r });
            },
            async getMessage(id) {
              const r = row(id);
              return r ? { ...r } : null;
            },
            async setQuestion(messageId, questionId) {
              const r = row(messageId);
              if (r) r.questionId = questionId;
            },
            async markDeleted(messageId) {
              const r = row(messageId);
              if (!r) return null;
              r.deleted = true;
              return { ...r };
            },
            async withdrawQuestion(questionId) {
              const q = draft.questions.find((x) => x.id === questionId);
              if (q && (q.state === 'pending' || q.state === 'live')) q.state = 'withdrawn';
            },
            async markBanned(ban: Ban) {
              const changed = e.rows.filter((r) => r.authorChannelId === ban.channelId && !r.banned);
              for (const r of changed) r.banned = true;
              return changed.map((r) => ({ ...r }));
            },
            async saveCursor(cursor: BridgeCursor) {
              e.cursor = { ...cursor };
            },
            async counts() {
              return { read: e.rows.length, imported: e.rows.filter((r) => r.questionId !== null).length };
            },
          };
          const result = await work(tx);
          if (db.failures > 0) {
            db.failures--;
            throw new Error('SQLITE_IOERR: disk I/O error (injected)');
          }
          db.data = draft;
          db.commits++;
          return result;
        };
        const next = db.lock.then(run, run);
        db.lock = next.catch(() => undefined);
        return next;
      },
    };
  };
}
