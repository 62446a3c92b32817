import { INTERVIEW_WARNING_SECONDS, interviewViewSchema } from './interview';

const alice = '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44';
const bob = '5a8e9b10-3c1f-4f0a-9d3e-c1de7a44b2f0';
const questionId = 'c1de7a44-b2f0-4f0a-9d3e-5a8e9b102c1f';

describe('interviewViewSchema', () => {
  const round1 = {
    index: 1,
    interviewerId: alice,
    candidateId: bob,
    questionId,
    startedAt: '2026-12-05T21:00:00.000Z',
    endsAt: '2026-12-05T21:15:00.000Z',
    endedAt: null,
    endReason: null,
  };
  const planned = { ...round1, index: 2, interviewerId: bob, candidateId: alice, questionId: null, startedAt: null, endsAt: null };
  const view = {
    mode: 'interview',
    phase: 'round1',
    currentRound: { index: 1, interviewerId: alice, candidateId: bob, startedAt: round1.startedAt, endsAt: round1.endsAt },
    rounds: [round1, planned],
    warningSeconds: INTERVIEW_WARNING_SECONDS,
    serverNow: '2026-12-05T21:03:00.000Z',
  };

  it('accepts round one running with round two planned, its question not yet shown', () => {
    expect(interviewViewSchema.parse(view)).toEqual(view);
  });

  it('accepts a room still waiting for both peers', () => {
    expect(interviewViewSchema.safeParse({ ...view, phase: 'waiting', currentRound: null, rounds: [] }).success).toBe(true);
  });

  it('names what is wrong: a third round, an unknown phase or reason, another warning, a local time', () => {
    const bad = interviewViewSchema.safeParse({
      ...view,
      phase: 'round3',
      rounds: [round1, { ...planned, index: 3, endReason: 'bored' }],
      warningSeconds: 60,
      serverNow: '2026-12-05 21:03',
    });
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'phase',
      'rounds.1.endReason',
      'rounds.1.index',
      'serverNow',
      'warningSeconds',
    ]);
  });
});
