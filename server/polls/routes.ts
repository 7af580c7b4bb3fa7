/**
 * Exports, for organizers (cookie) and moderators (moderator link token as Bearer), like the questions CSV:
 *   GET /api/events/:id/polls.csv | polls.json          every poll of the event
 *   GET /api/events/:id/polls/:pollId.csv | .json       one poll
 *   GET /api/events/:id/polls/:pollId/leaderboard.csv   a quiz's full leaderboard
 */
import { Router, type Request, type Response } from 'express';
import { DomainError } from '../../shared/errors.js';
import { bearerToken, organizerOf } from '../auth/http.js';
import { tokensEqual } from '../auth/tokens.js';
import { findEventById } from '../events/repository.js';
import type { Kernel } from '../kernel/feature.js';
import { leaderboardCsv, pollsCsv, pollsJson, type PollExport } from './core/export.js';
import { tallyResults } from './core/tally.js';
import { responsesOf } from './core/visibility.js';
import { ordered, type PollState, type PollsStore } from './state.js';
import { players, standings } from './views.js';

function exportOf(ps: PollState): PollExport {
  return {
    poll: ps.record,
    results: tallyResults(ps.tally),
    responses: responsesOf(ps.record, ps.tally),
    answers: [...ps.answers.values()].sort((a, b) => a.answeredAt.localeCompare(b.answeredAt)),
    quizAnswers: ps.quizAnswers,
    players: players(ps),
  };
}

export function exportRoutes(kernel: Kernel, store: PollsStore): Router {
  const router = Router();

  async function authorized(req: Request) {
    const event = await findEventById(kernel.db, String(req.params.id));
    const token = bearerToken(req);
    const allowed = token ? event !== undefined && tokensEqual(event.moderator_token, token) : (await organizerOf(req, kernel)) !== null;
    if (!allowed) throw new DomainError('unauthorized', 'log in as an organizer or use the moderator link');
    if (!event) throw new DomainError('not_found', 'no such event');
    return event;
  }

  function send(res: Response, type: 'csv' | 'json', filename: string, body: string) {
    res.setHeader('Content-Type', type === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }

  async function polls(req: Request, one: boolean): Promise<{ event: Awaited<ReturnType<typeof authorized>>; list: PollState[] }> {
    const event = await authorized(req);
    const ev = await store.get(kernel.db, event.id);
    if (!one) return { event, list: ordered(ev) };
    const ps = ev.polls.get(String(req.params.pollId));
    if (!ps) throw new DomainError('not_found', 'no such poll');
    return { event, list: [ps] };
  }

  router.get('/events/:id/polls.csv', async (req, res) => {
    const { event, list } = await polls(req, false);
    send(res, 'csv', `plenum-${event.code}-polls.csv`, pollsCsv(list.map(exportOf)));
  });
  router.get('/events/:id/polls.json', async (req, res) => {
    const { event, list } = await polls(req, false);
    send(res, 'json', `plenum-${event.code}-polls.json`, JSON.stringify(pollsJson({ id: event.id, code: event.code, title: event.title }, list.map(exportOf), kernel.now()), null, 2));
  });
  router.get('/events/:id/polls/:pollId.csv', async (req, res) => {
    const { event, list } = await polls(req, true);
    send(res, 'csv', `plenum-${event.code}-poll-${list[0]!.record.position + 1}.csv`, pollsCsv(list.map(exportOf)));
  });
  router.get('/events/:id/polls/:pollId.json', async (req, res) => {
    const { event, list } = await polls(req, true);
    send(res, 'json', `plenum-${event.code}-poll-${list[0]!.record.position + 1}.json`, JSON.stringify(pollsJson({ id: event.id, code: event.code, title: event.title }, list.map(exportOf), kernel.now()), null, 2));
  });
  router.get('/events/:id/polls/:pollId/leaderboard.csv', async (req, res) => {
    const { event, list } = await polls(req, true);
    const ps = list[0]!;
    if (ps.record.definition.type !== 'quiz') throw new DomainError('not_found', 'this poll is not a quiz');
    send(res, 'csv', `plenum-${event.code}-quiz-${ps.record.position + 1}-leaderboard.csv`, leaderboardCsv(standings(ps)));
  });
  return router;
}
