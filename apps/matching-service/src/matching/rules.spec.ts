import { agreedTerms, canPair, choosePartner, shorterLength, type BlockList, type WaitingRequest } from './rules';

let seq = 0;
function waiting(overrides: Partial<WaitingRequest>): WaitingRequest {
  seq += 1;
  return {
    requestId: `r${seq}`,
    userId: `u${seq}`,
    mode: 'interview',
    minutes: 45,
    difficulty: 'EASY',
    topics: ['arrays'],
    language: 'python',
    allowRelaxed: false,
    seq,
    phase: 'queued',
    ...overrides,
  };
}

describe('matching rules', () => {
  it('pairs the same difficulty with a shared topic', () => {
    expect(canPair(waiting({ topics: ['arrays', 'graphs'] }), waiting({ topics: ['graphs'] }))).toBe(true);
  });

  it('never pairs without a shared topic, across difficulties in the strict phase, or a user with themself', () => {
    expect(canPair(waiting({ topics: ['arrays'] }), waiting({ topics: ['graphs'] }))).toBe(false);
    expect(canPair(waiting({ difficulty: 'EASY' }), waiting({ difficulty: 'HARD' }))).toBe(false);
    const me = waiting({});
    expect(canPair(me, { ...me, requestId: 'other' })).toBe(false);
  });

  it('pairs different difficulties only when both are in their relaxed phase', () => {
    const relaxedEasy = waiting({ difficulty: 'EASY', allowRelaxed: true, phase: 'relaxed' });
    expect(canPair(relaxedEasy, waiting({ difficulty: 'HARD', allowRelaxed: true, phase: 'relaxed' }))).toBe(true);
    expect(canPair(relaxedEasy, waiting({ difficulty: 'HARD', allowRelaxed: true, phase: 'queued' }))).toBe(false);
    // A relaxed request still pairs with a strict one of its own difficulty.
    expect(canPair(relaxedEasy, waiting({ difficulty: 'EASY', phase: 'queued' }))).toBe(true);
  });

  it('chooses the oldest compatible request with the same language, else the oldest compatible', () => {
    const oldJava = waiting({ language: 'java' });
    const incompatible = waiting({ language: 'python', topics: ['graphs'] });
    const olderPython = waiting({ language: 'python' });
    const newerPython = waiting({ language: 'python' });
    const newcomer = waiting({ language: 'python' });
    expect(choosePartner(newcomer, [newerPython, incompatible, oldJava, olderPython])).toBe(olderPython);
    expect(choosePartner(waiting({ language: 'cpp' }), [newerPython, oldJava, olderPython])).toBe(oldJava);
    expect(choosePartner(waiting({ topics: ['trees'] }), [oldJava, olderPython])).toBeUndefined();
  });

  it("agrees on the shared topics in the older request's order, and on the older request's difficulty and language where they differ", () => {
    const older = waiting({ difficulty: 'HARD', topics: ['trees', 'arrays', 'graphs'], language: 'java', phase: 'relaxed' });
    const newer = waiting({ difficulty: 'EASY', topics: ['graphs', 'arrays'], language: 'python', phase: 'relaxed' });
    expect(agreedTerms(newer, older)).toEqual({
      mode: 'interview',
      minutes: 45,
      difficulty: 'HARD',
      topics: ['arrays', 'graphs'],
      language: 'java',
      relaxed: true,
    });
    const same = waiting({ topics: ['arrays'] });
    expect(agreedTerms(same, waiting({ topics: ['arrays'] }))).toEqual({
      mode: 'interview',
      minutes: 45,
      difficulty: 'EASY',
      topics: ['arrays'],
      language: 'python',
      relaxed: false,
    });
  });

  it('pairs only requests of the same mode, whatever else they share', () => {
    expect(canPair(waiting({ mode: 'pair' }), waiting({ mode: 'pair' }))).toBe(true);
    expect(canPair(waiting({ mode: 'interview' }), waiting({ mode: 'pair' }))).toBe(false);
    const relaxed = { allowRelaxed: true, phase: 'relaxed' } as const;
    expect(canPair(waiting({ mode: 'pair', ...relaxed }), waiting({ mode: 'interview', ...relaxed }))).toBe(false);
    const olderPair = waiting({ mode: 'pair' });
    const newerInterview = waiting({ mode: 'interview' });
    expect(choosePartner(waiting({ mode: 'interview' }), [olderPair, newerInterview])).toBe(newerInterview);
  });

  it('never pairs a blocked pair, either way round, and passes over them to the next compatible request', () => {
    const blocker = waiting({});
    const blocked = waiting({});
    const other = waiting({});
    const blocks: BlockList = {
      isBlocked: (a, b) => [a, b].sort().join() === [blocker.userId, blocked.userId].sort().join(),
    };
    expect(canPair(blocker, blocked, blocks)).toBe(false);
    expect(canPair(blocked, blocker, blocks)).toBe(false);
    expect(canPair(blocker, other, blocks)).toBe(true);
    const newcomer = waiting({});
    expect(choosePartner(blocker, [blocked, other], blocks)).toBe(other);
    expect(choosePartner(newcomer, [blocked, other], blocks)).toBe(blocked);
  });

  it('lets lengths differ and agrees on the shorter, whichever request is older', () => {
    expect(canPair(waiting({ minutes: 30 }), waiting({ minutes: 60 }))).toBe(true);
    expect(agreedTerms(waiting({ minutes: 60 }), waiting({ minutes: 30 })).minutes).toBe(30);
    expect(agreedTerms(waiting({ minutes: 30 }), waiting({ minutes: 45 })).minutes).toBe(30);
    expect(agreedTerms(waiting({ minutes: 45 }), waiting({ minutes: 60 })).minutes).toBe(45);
    expect(shorterLength(60, 60)).toBe(60);
    expect(agreedTerms(waiting({ mode: 'pair' }), waiting({ mode: 'pair' })).mode).toBe('pair');
  });
});
