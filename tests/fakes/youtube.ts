/**
 * A fake of the two YouTube Data API v3 calls the chat bridge makes, on 127.0.0.1 with a random port,
 * built from the documented shapes:
 *
 *   GET /youtube/v3/videos?part=liveStreamingDetails&id=…&key=…
 *       → youtube#videoListResponse { items: [{ kind: youtube#video, id, liveStreamingDetails: {
 *           actualStartTime, actualEndTime?, activeLiveChatId? } }] }
 *   GET /youtube/v3/liveChat/messages?liveChatId=…&part=snippet,authorDetails[&pageToken=…]&key=…
 *       → youtube#liveChatMessageListResponse { etag, nextPageToken, pollingIntervalMillis, offlineAt?,
 *           pageInfo { totalResults, resultsPerPage }, items: youtube#liveChatMessage[] }
 *   errors → { error: { code, message, errors: [{ message, domain, reason }], status } }
 *
 * Scriptable: videos and their chats, messages of every kind, page size, polling interval, the end of a
 * chat (offlineAt, chatEndedEvent, or 403 liveChatEnded), and injected failures (quotaExceeded,
 * forbidden, rateLimitExceeded as 403 or 429, 500, liveChatNotFound, liveChatDisabled, keyInvalid, a
 * dropped connection). Every request is logged (time, path, query, status) so tests can check the key
 * parameter and the polling interval.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAuthor {
  channelId: string;
  displayName: string;
  isChatModerator?: boolean;
  isChatOwner?: boolean;
}

export interface LoggedRequest {
  at: number;
  method: string;
  /** Path below the base, e.g. '/liveChat/messages'. */
  path: string;
  params: Record<string, string>;
  status: number;
}

export type FakeFailure =
  | 'quotaExceeded'
  | 'forbidden'
  | 'rateLimitExceeded'
  | 'rateLimitExceeded429'
  | 'serverError'
  | 'liveChatNotFound'
  | 'liveChatDisabled'
  | 'keyInvalid'
  | 'drop';

interface FakeChat {
  id: string;
  items: Record<string, unknown>[];
  ended: null | 'offlineAt' | 'liveChatEnded';
  offlineAt: string | null;
  disabled: boolean;
}

interface FakeVideo {
  id: string;
  live: boolean;
  scheduledStartTime?: string;
  liveChatId: string | null;
  actualEndTime: string | null;
}

const ERRORS: Record<Exclude<FakeFailure, 'drop'>, { status: number; domain: string; reason: string; message: string; grpc: string }> = {
  quotaExceeded: {
    status: 403,
    domain: 'youtube.quota',
    reason: 'quotaExceeded',
    message: 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
    grpc: 'PERMISSION_DENIED',
  },
  forbidden: {
    status: 403,
    domain: 'youtube.liveChat',
    reason: 'forbidden',
    message: 'You do not have the permissions required to retrieve messages for the specified live chat.',
    grpc: 'PERMISSION_DENIED',
  },
  rateLimitExceeded: {
    status: 403,
    domain: 'youtube.liveChat',
    reason: 'rateLimitExceeded',
    message: 'The request was sent too soon after the previous one.',
    grpc: 'PERMISSION_DENIED',
  },
  rateLimitExceeded429: {
    status: 429,
    domain: 'global',
    reason: 'rateLimitExceeded',
    message: 'Too many requests.',
    grpc: 'RESOURCE_EXHAUSTED',
  },
  serverError: { status: 500, domain: 'global', reason: 'backendError', message: 'Backend Error', grpc: 'INTERNAL' },
  liveChatNotFound: {
    status: 404,
    domain: 'youtube.liveChat',
    reason: 'liveChatNotFound',
    message: 'The live chat that you are trying to retrieve cannot be found.',
    grpc: 'NOT_FOUND',
  },
  liveChatDisabled: {
    status: 403,
    domain: 'youtube.liveChat',
    reason: 'liveChatDisabled',
    message: 'Live chat is not enabled for the specified broadcast.',
    grpc: 'PERMISSION_DENIED',
  },
  keyInvalid: {
    status: 400,
    domain: 'global',
    reason: 'badRequest',
    message: 'API key not valid. Please pass a valid API key.',
    grpc: 'INVALID_ARGUMENT',
  },
};

const LIVE_CHAT_ENDED = {
  status: 403,
  domain: 'youtube.liveChat',
  reason: 'liveChatEnded',
  message: 'The specified live chat is no longer live.',
  grpc: 'FAILED_PRECONDITION',
};

function errorBody(e: { status: number; domain: string; reason: string; message: string; grpc: string }) {
  return { error: { code: e.status, message: e.message, errors: [{ message: e.message, domain: e.domain, reason: e.reason }], status: e.grpc } };
}

function token(chatId: string, index: number): string {
  return Buffer.from(`${chatId}:${index}`).toString('base64url');
}

function untoken(chatId: string, value: string): number | null {
  const decoded = Buffer.from(value, 'base64url').toString();
  const [id, index] = decoded.split(':');
  const n = Number(index);
  return id === chatId && Number.isInteger(n) && n >= 0 ? n : null;
}

export class FakeYoutube {
  /** Use as YOUTUBE_API_BASE. */
  base = '';
  readonly requests: LoggedRequest[] = [];
  apiKey: string;
  /** Items per page (Google: maxResults 200–2000, default 500; small here to test pagination). */
  pageSize: number;
  pollingIntervalMillis: number;
  private readonly server: Server;
  private readonly videos = new Map<string, FakeVideo>();
  private readonly chats = new Map<string, FakeChat>();
  private readonly failures: { kind: FakeFailure; path: 'videos' | 'messages' | 'any' }[] = [];
  private seq = 0;

  constructor(opts: { apiKey?: string; pageSize?: number; pollingIntervalMillis?: number } = {}) {
    this.apiKey = opts.apiKey ?? 'test-key-123';
    this.pageSize = opts.pageSize ?? 500;
    this.pollingIntervalMillis = opts.pollingIntervalMillis ?? 2000;
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}/youtube/v3`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- script ----

  /** A live broadcast with a chat (the chat is created when missing). */
  liveVideo(videoId: string, liveChatId = `chat-${videoId}`): FakeChat {
    this.videos.set(videoId, { id: videoId, live: true, liveChatId, actualEndTime: null });
    return this.chat(liveChatId);
  }

  /** A video with other properties: upcoming (live, no chat yet), a normal video (live false), ended. */
  video(videoId: string, v: Partial<Omit<FakeVideo, 'id'>>): void {
    const cur = this.videos.get(videoId) ?? { id: videoId, live: true, liveChatId: null, actualEndTime: null };
    this.videos.set(videoId, { ...cur, ...v });
    if (v.liveChatId) this.chat(v.liveChatId);
  }

  chat(liveChatId: string): FakeChat {
    let c = this.chats.get(liveChatId);
    if (!c) {
      c = { id: liveChatId, items: [], ended: null, offlineAt: null, disabled: false };
      this.chats.set(liveChatId, c);
    }
    return c;
  }

  private push(liveChatId: string, snippet: Record<string, unknown>, author: FakeAuthor | null): string {
    const id = `LCC.${liveChatId}.${++this.seq}`;
    const item: Record<string, unknown> = {
      kind: 'youtube#liveChatMessage',
      etag: `etag-${this.seq}`,
      id,
      snippet: { liveChatId, publishedAt: new Date().toISOString(), hasDisplayContent: true, ...snippet },
    };
    if (author) {
      (item.snippet as Record<string, unknown>).authorChannelId = author.channelId;
      item.authorDetails = {
        channelId: author.channelId,
        channelUrl: `http://www.youtube.com/channel/${author.channelId}`,
        displayName: author.displayName,
        profileImageUrl: 'https://yt3.ggpht.com/a/default-user=s88',
        isVerified: false,
        isChatOwner: author.isChatOwner ?? false,
        isChatSponsor: false,
        isChatModerator: author.isChatModerator ?? false,
      };
    }
    this.chat(liveChatId).items.push(item);
    return id;
  }

  static author(name: string): FakeAuthor {
    return { channelId: `UC${name.replace(/\W/g, '').padEnd(22, 'x').slice(0, 22)}`, displayName: name };
  }

  say(liveChatId: string, text: string, author: FakeAuthor = FakeYoutube.author('Zuschauer')): string {
    return this.push(liveChatId, { type: 'textMessageEvent', displayMessage: text, textMessageDetails: { messageText: text } }, author);
  }

  superChat(liveChatId: string, comment: string | null, amount = '€5.00', author: FakeAuthor = FakeYoutube.author('Spender')): string {
    const details: Record<string, unknown> = { amountMicros: '5000000', currency: 'EUR', amountDisplayString: amount, tier: 2 };
    if (comment !== null) details.userComment = comment;
    return this.push(
      liveChatId,
      { type: 'superChatEvent', displayMessage: `${amount} from ${author.displayName}${comment ? `: "${comment}"` : ''}`, superChatDetails: details },
      author,
    );
  }

  deleteMessage(liveChatId: string, messageId: string): string {
    return this.push(liveChatId, { type: 'messageDeletedEvent', hasDisplayContent: false, messageDeletedDetails: { deletedMessageId: messageId } }, FakeYoutube.author('Moderator'));
  }

  ban(liveChatId: string, banned: FakeAuthor, banType: 'permanent' | 'temporary' = 'permanent', durationSec = 300): string {
    const details: Record<string, unknown> = {
      bannedUserDetails: { channelId: banned.channelId, channelUrl: `http://www.youtube.com/channel/${banned.channelId}`, displayName: banned.displayName },
      banType,
    };
    if (banType === 'temporary') details.banDurationSeconds = String(durationSec);
    return this.push(liveChatId, { type: 'userBannedEvent', hasDisplayContent: false, userBannedDetails: details }, FakeYoutube.author('Moderator'));
  }

  /** Any other item type (newSponsorEvent, superStickerEvent, pollEvent …), ignored by the bridge. */
  other(liveChatId: string, type: string): string {
    return this.push(liveChatId, { type, displayMessage: type }, FakeYoutube.author('Jemand'));
  }

  /**
   * Ends the chat: 'offlineAt' — pages at the end of the chat carry offlineAt; 'chatEndedEvent' — a
   * chatEndedEvent item is appended; 'liveChatEnded' — every later read fails with 403 liveChatEnded.
   * The video gets its actualEndTime and loses activeLiveChatId.
   */
  endChat(liveChatId: string, how: 'offlineAt' | 'chatEndedEvent' | 'liveChatEnded'): void {
    const c = this.chat(liveChatId);
    const now = new Date().toISOString();
    if (how === 'chatEndedEvent') this.push(liveChatId, { type: 'chatEndedEvent', hasDisplayContent: false }, null);
    c.ended = how === 'liveChatEnded' ? 'liveChatEnded' : 'offlineAt';
    c.offlineAt = now;
    for (const v of this.videos.values()) if (v.liveChatId === liveChatId) Object.assign(v, { liveChatId: null, actualEndTime: now });
  }

  /** The next `times` requests (to `path`) fail with `kind`. */
  fail(kind: FakeFailure, times = 1, path: 'videos' | 'messages' | 'any' = 'any'): void {
    for (let i = 0; i < times; i++) this.failures.push({ kind, path });
  }

  /** Requests to a path ('/videos', '/liveChat/messages'). */
  calls(path: string): LoggedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  // ---- server ----

  private send(res: ServerResponse, log: LoggedRequest, status: number, body: unknown): void {
    log.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/youtube\/v3/, '');
    const params = Object.fromEntries(url.searchParams);
    const log: LoggedRequest = { at: Date.now(), method: req.method ?? 'GET', path, params, status: 0 };
    this.requests.push(log);

    const kindOfPath = path === '/videos' ? 'videos' : path === '/liveChat/messages' ? 'messages' : null;
    const i = this.failures.findIndex((f) => f.path === 'any' || f.path === kindOfPath);
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      if (f!.kind === 'drop') {
        log.status = -1;
        req.socket.destroy();
        return;
      }
      const e = ERRORS[f!.kind as Exclude<FakeFailure, 'drop'>];
      return this.send(res, log, e.status, errorBody(e));
    }
    if (params.key !== this.apiKey) return this.send(res, log, 400, errorBody(ERRORS.keyInvalid));
    if (kindOfPath === 'videos') return this.videosList(res, log, params);
    if (kindOfPath === 'messages') return this.messagesList(res, log, params);
    return this.send(res, log, 404, errorBody({ status: 404, domain: 'global', reason: 'notFound', message: 'Not Found', grpc: 'NOT_FOUND' }));
  }

  private required(res: ServerResponse, log: LoggedRequest, name: string): void {
    const message = `No filter selected. Expected one of: ${name}`;
    this.send(res, log, 400, errorBody({ status: 400, domain: 'youtube.parameter', reason: 'missingRequiredParameter', message, grpc: 'INVALID_ARGUMENT' }));
  }

  private videosList(res: ServerResponse, log: LoggedRequest, params: Record<string, string>): void {
    const part = params.part;
    if (!part) return this.required(res, log, 'part');
    if (!params.id) return this.required(res, log, 'id');
    const items = params.id
      .split(',')
      .map((id) => this.videos.get(id))
      .filter((v): v is FakeVideo => v !== undefined)
      .map((v) => {
        const item: Record<string, unknown> = { kind: 'youtube#video', etag: `v-${v.id}`, id: v.id };
        if (v.live && part.split(',').includes('liveStreamingDetails')) {
          // Upcoming (no chat, not ended): only the scheduled start; otherwise it has started.
          const d: Record<string, unknown> = { scheduledStartTime: v.scheduledStartTime ?? '2026-11-30T08:00:00Z' };
          if (v.liveChatId || v.actualEndTime) d.actualStartTime = '2026-11-30T08:00:00Z';
          if (v.liveChatId) d.activeLiveChatId = v.liveChatId;
          if (v.actualEndTime) d.actualEndTime = v.actualEndTime;
          if (!v.actualEndTime && v.liveChatId) d.concurrentViewers = '42';
          item.liveStreamingDetails = d;
        }
        return item;
      });
    this.send(res, log, 200, {
      kind: 'youtube#videoListResponse',
      etag: 'videos-etag',
      items,
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
    });
  }

  private messagesList(res: ServerResponse, log: LoggedRequest, params: Record<string, string>): void {
    if (!params.liveChatId) return this.required(res, log, 'liveChatId');
    if (!params.part) return this.required(res, log, 'part');
    const chat = this.chats.get(params.liveChatId);
    if (!chat) return this.send(res, log, 404, errorBody(ERRORS.liveChatNotFound));
    if (chat.disabled) return this.send(res, log, 403, errorBody(ERRORS.liveChatDisabled));
    if (chat.ended === 'liveChatEnded') return this.send(res, log, 403, errorBody(LIVE_CHAT_ENDED));
    let from = 0;
    if (params.pageToken) {
      const n = untoken(chat.id, params.pageToken);
      if (n === null) {
        return this.send(res, log, 400, errorBody({ status: 400, domain: 'youtube.liveChat', reason: 'pageTokenInvalid', message: 'Invalid page token.', grpc: 'INVALID_ARGUMENT' }));
      }
      from = Math.min(n, chat.items.length);
    }
    const items = chat.items.slice(from, from + this.pageSize);
    const next = from + items.length;
    const body: Record<string, unknown> = {
      kind: 'youtube#liveChatMessageListResponse',
      etag: `page-${chat.id}-${from}`,
      pollingIntervalMillis: this.pollingIntervalMillis,
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      nextPageToken: token(chat.id, next),
      items,
    };
    if (chat.ended === 'offlineAt' && next >= chat.items.length) body.offlineAt = chat.offlineAt;
    this.send(res, log, 200, body);
  }
}

export async function startFakeYoutube(opts?: ConstructorParameters<typeof FakeYoutube>[0]): Promise<FakeYoutube> {
  return new FakeYoutube(opts).listen();
}
