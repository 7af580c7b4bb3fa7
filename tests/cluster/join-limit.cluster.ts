/**
 * The join limit per address counts across nodes (a sliding window in Redis): a venue behind one address gets
 * JOIN_LIMIT_PER_MINUTE joins a minute in total, not that many per node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZER, api, cookieFrom, createEvent, type TestServer } from '../integration/helpers.js';
import { Cluster, type Node } from './nodes.js';

const cluster = new Cluster({ JOIN_LIMIT_PER_MINUTE: '5' });
let nodes: Node[] = [];

beforeAll(async () => {
  nodes = await cluster.start(2);
}, 90_000);

afterAll(() => cluster.cleanup());

describe('join limit in cluster mode', () => {
  it('the sixth join from one address within a minute is refused, whichever node the joins reach', async () => {
    const linkLine = /the link works once\): (\S+)/;
    const printer = nodes.find((n) => linkLine.test(n.output()))!;
    const token = new URL(linkLine.exec(printer.output())![1]!).searchParams.get('token');
    const cookie = cookieFrom(await api(printer.url, '/api/setup', { body: { token, ...ORGANIZER } }));
    const ev = await createEvent({ url: nodes[0]!.url } as TestServer, cookie);
    const statuses: number[] = [];
    // Alternating nodes: per node this would be 3 joins each, under a per-node limit of 5.
    for (let i = 0; i < 6; i++) statuses.push((await api(nodes[i % 2]!.url, `/api/join/${ev.code}/attendees`, { body: {} })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await api<{ error: { code: string; retryAfterMs: number } }>(nodes[1]!.url, `/api/join/${ev.code}/attendees`, { body: {} });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited' });
    expect(refused.body.error.retryAfterMs).toBeGreaterThan(0);
  });
});
