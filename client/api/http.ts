/**
 * The REST client: same-origin fetch with the session cookie; responses are checked against shared/ (`request`),
 * or only typed by it where the page must load without zod (`requestTyped`, the visitor's calls).
 */
import type { z } from 'zod';

export class ApiFailure extends Error {
  constructor(
    public readonly status: number,
    /** The server's error code, or `network` when the request never got an answer. */
    public readonly code: string,
    message: string,
    /** invalid_payload: the paths that did not validate ("settings.stage.theme.accent"). */
    public readonly fields?: readonly string[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

async function failureFrom(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
    const code = typeof body.error?.code === 'string' ? body.error.code : statusCode(res.status);
    const message = typeof body.error?.message === 'string' ? body.error.message : res.statusText;
    const fields = Array.isArray(body.error?.fields) ? body.error.fields.filter((f): f is string => typeof f === 'string') : undefined;
    return new ApiFailure(res.status, code, message, fields);
  } catch {
    return new ApiFailure(res.status, statusCode(res.status), res.statusText);
  }
}

function statusCode(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return 'internal';
}

export interface RequestOptions {
  /** A link token (facilitators), sent as `Authorization: Bearer`. */
  bearer?: string;
  /** Send this text as it is (e.g. CSV) instead of JSON. */
  raw?: { text: string; contentType: string };
}

/** Sends one request; a refusal or a network failure becomes an ApiFailure. */
async function send(method: string, path: string, body: unknown, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
  let payload: string | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.contentType;
    payload = opts.raw.text;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: 'same-origin', headers, ...(payload === undefined ? {} : { body: payload }) });
  } catch (err) {
    throw new ApiFailure(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await failureFrom(res);
  return res;
}

/** A request whose answer is checked against its shared/ schema (`null`: no answer expected). */
export async function request<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S | null,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<z.output<S>> {
  const res = await send(method, path, body, opts);
  if (!schema) return undefined as z.output<S>;
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new ApiFailure(res.status, 'internal', `unexpected response from ${path}: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * A request whose answer is typed by shared/ but not parsed: the server builds it from the same type and is
 * the authority. For the pages that must load without zod (the visitor's: client/api/join.ts).
 */
export async function requestTyped<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, body, opts);
  try {
    return (await res.json()) as T;
  } catch (err) {
    throw new ApiFailure(res.status, 'internal', `unexpected response from ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
