/**
 * The bridge's ChatStore on the kernel: every page (and every chat:import) is ONE kernel.commit — the
 * questions the Q&A module imports, the feed rows and the page token commit together (exactly once),
 * with one seq; the collected changes (question:upsert, qa:pendingCount, chat:feed) go out after it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ChatFeedMessage } from '../../shared/chat/schemas.js';
import type { DB } from '../db/types.js';
import { mergeChanges, type Changes, type Kernel } from '../kernel/feature.js';
import type { QaImports } from '../qa/index.js';
import { toFeedMessage } from './feed.js';
import { createSqlChatStore, type ChatTables, type QaAdapter } from './sql-store.js';
import type { ChatStore, ChatStoreTx, FeedRow } from './store.js';

/** Runs one unit of work in a kernel transaction and returns its result (publishing is the runner's job). */
export type CommitRunner = <T>(work: (trx: Transaction<DB>) => Promise<{ result: T; changes: Changes | null }>) => Promise<T>;

interface Collector {
  changes: Changes[];
  feed: Map<string, FeedRow>;
}

function hasChanges(c: Changes): boolean {
  return c.staff.length > 0 || c.pub.length > 0 || c.personal.length > 0;
}

export function createKernelChatStore(kernel: Kernel, qa: QaImports, eventId: string, run: CommitRunner): ChatStore {
  let active: Collector | null = null;
  const collector = (): Collector => {
    if (!active) throw new Error('chat store used outside its transaction');
    return active;
  };
  const adapter: QaAdapter = {
    async importQuestion(trx, evId, req) {
      const r = await qa.importQuestion(trx as unknown as Transaction<DB>, evId, {
        source: 'youtube',
        text: req.text,
        authorName: req.authorName,
        externalAuthorId: req.authorChannelId,
        now: kernel.now(),
      });
      if (r.changes) collector().changes.push(r.changes);
      return r.question.id;
    },
    async withdrawQuestion(trx, evId, questionId) {
      const changes = await qa.withdrawImported(trx as unknown as Transaction<DB>, evId, questionId, kernel.now());
      if (changes) collector().changes.push(changes);
    },
  };
  const inner = createSqlChatStore({
    db: kernel.db as unknown as Kysely<ChatTables>,
    eventId,
    qa: adapter,
    now: () => kernel.now().getTime(),
    runInTransaction: (work) =>
      run(async (trx) => {
        active = { changes: [], feed: new Map() };
        try {
          const result = await work(trx as unknown as Kysely<ChatTables>);
          const messages: ChatFeedMessage[] = [...active.feed.values()].map(toFeedMessage);
          const feed: Partial<Changes> | null = messages.length ? { staff: [{ type: 'chat:feed', messages }], pub: [] } : null;
          const changes = mergeChanges(...active.changes, feed);
          return { result, changes: hasChanges(changes) ? changes : null };
        } finally {
          active = null;
        }
      }),
  });

  // Every row the page touched goes to the moderators' feed, in its state after the page.
  const track = (tx: ChatStoreTx): ChatStoreTx => {
    const note = (row: FeedRow | null) => {
      if (row) collector().feed.set(row.id, row);
    };
    return {
      ...tx,
      async recordMessage(row) {
        await tx.recordMessage(row);
        note(row);
      },
      async setQuestion(messageId, questionId) {
        await tx.setQuestion(messageId, questionId);
        note(await tx.getMessage(messageId));
      },
      async markDeleted(messageId) {
        const row = await tx.markDeleted(messageId);
        note(row);
        return row;
      },
      async markBanned(ban) {
        const rows = await tx.markBanned(ban);
        rows.forEach(note);
        return rows;
      },
    };
  };
  return { load: () => inner.load(), transaction: (work) => inner.transaction((tx) => work(track(tx))) };
}
