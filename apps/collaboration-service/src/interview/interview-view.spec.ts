import { randomUUID } from 'node:crypto';
import { interviewViewSchema } from '@peerprep/contracts';
import { toInterviewView } from './interview-view';
import { applyInterviewEvent, createInterview, isRefusal, type InterviewEvent, type InterviewState } from './round-machine';

const [alice, bob, q1, q2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const T0 = Date.parse('2026-12-05T21:00:00.000Z');
const ROUND = 15 * 60_000;

function after(events: InterviewEvent[]): InterviewState {
  return events.reduce((state, event) => {
    const outcome = applyInterviewEvent(state, event, { random: () => 0 });
    if (isRefusal(outcome)) throw new Error(outcome.refused);
    return outcome.state;
  }, createInterview({ participants: [alice, bob], questionIds: [q1, q2], roundMs: ROUND }));
}

const bothJoined: InterviewEvent[] = [
  { type: 'joined', userId: alice, at: T0 },
  { type: 'joined', userId: bob, at: T0 },
];

describe('interview view', () => {
  it('shows a waiting room with no round and the server time', () => {
    const view = toInterviewView(after([]), T0 + 1);
    expect(interviewViewSchema.parse(view)).toEqual({
      mode: 'interview',
      phase: 'waiting',
      currentRound: null,
      rounds: [],
      warningSeconds: 300,
      serverNow: new Date(T0 + 1).toISOString(),
    });
  });

  it('shows round one with its server start and end, and round two planned without its question', () => {
    const view = interviewViewSchema.parse(toInterviewView(after(bothJoined), T0 + 5_000));

    expect(view.currentRound).toEqual({
      index: 1,
      interviewerId: alice,
      candidateId: bob,
      startedAt: new Date(T0).toISOString(),
      endsAt: new Date(T0 + ROUND).toISOString(),
    });
    expect(view.rounds.map((round) => [round.index, round.interviewerId, round.questionId, round.startedAt])).toEqual([
      [1, alice, q1, new Date(T0).toISOString()],
      [2, bob, null, null],
    ]);
  });

  it('shows both rounds of a finished interview, how each ended, and no current round', () => {
    const view = interviewViewSchema.parse(
      toInterviewView(after([...bothJoined, { type: 'end-round', userId: alice, round: 1, at: T0 + 1_000 }, { type: 'tick', at: T0 + 1_000 + ROUND }]), T0 + 2 * ROUND),
    );
    expect(view.phase).toBe('finished');
    expect(view.currentRound).toBeNull();
    expect(view.rounds.map((round) => [round.questionId, round.endReason])).toEqual([
      [q1, 'interviewer'],
      [q2, 'time'],
    ]);
  });
});
