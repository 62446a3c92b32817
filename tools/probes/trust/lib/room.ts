import { bearer, type Account, type ProbeContext, type Session } from './context';
import { parseJson, sleep } from './net';

interface QuestionSummary {
  slug: string;
  difficulty: string;
  topics: ({ slug: string } | string)[];
}

/** A difficulty and topic that have a question: what two requests must agree on to be paired. */
async function matchableCriteria(ctx: ProbeContext, from: string): Promise<{ difficulty: string; topic: string }> {
  const reply = await ctx.viaFrontend('/api/questions?page=1&pageSize=20', { from });
  const items = parseJson<{ items: QuestionSummary[] }>(reply)?.items ?? [];
  const question = items.find((q) => q.topics.length > 0);
  if (reply.status !== 200 || !question) throw new Error(`no question to match on (GET /api/questions: HTTP ${reply.status}); seed the bank`);
  const topic = question.topics[0];
  return { difficulty: question.difficulty, topic: typeof topic === 'string' ? topic : topic.slug };
}

/**
 * Two students matched into a room through the public API, as two browsers
 * would be. Pair practice where the platform knows modes; a version without
 * them refuses the field (strict body), so the request is sent again without.
 */
export async function matchIntoRoom(ctx: ProbeContext, a: Session, b: Session, from: string): Promise<string> {
  const { difficulty, topic } = await matchableCriteria(ctx, from);
  const ask = async (session: Session) => {
    const criteria = { difficulty, topics: [topic], language: 'python' };
    let reply = await ctx.viaFrontend('/api/match/requests', { method: 'POST', from, headers: bearer(session.accessToken), body: { ...criteria, mode: 'pair' } });
    if (reply.status === 400 && reply.body.includes('mode')) {
      reply = await ctx.viaFrontend('/api/match/requests', { method: 'POST', from, headers: bearer(session.accessToken), body: criteria });
    }
    if (reply.status !== 201 && reply.status !== 200) throw new Error(`match request: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
  };
  await ask(a);
  await ask(b);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const reply = await ctx.viaFrontend('/api/match/requests/current', { from, headers: bearer(a.accessToken) });
    const roomId = parseJson<{ match?: { roomId?: string | null } | null }>(reply)?.match?.roomId;
    if (roomId) return roomId;
    await sleep(500);
  }
  throw new Error('the two probe students were not given a room within 60 s');
}

export type { Account };
