import { INTERVIEW_WARNING_SECONDS, type InterviewRoundSummary, type InterviewView } from '@peerprep/contracts';
import { currentRound, type InterviewRound, type InterviewState } from './round-machine';

const iso = (instant: number | null): string | null => (instant === null ? null : new Date(instant).toISOString());

function toRoundSummary(round: InterviewRound): InterviewRoundSummary {
  return {
    index: round.index,
    interviewerId: round.interviewerId,
    candidateId: round.candidateId,
    // A planned round's question stays hidden until it starts: round one's interviewer is its candidate.
    questionId: round.startedAt === null ? null : round.questionId,
    startedAt: iso(round.startedAt),
    endsAt: iso(round.endsAt),
    endedAt: iso(round.endedAt),
    endReason: round.endReason,
  };
}

/** What both peers see of the interview at the server's instant `now`. */
export function toInterviewView(state: InterviewState, now: number): InterviewView {
  const round = currentRound(state);
  return {
    mode: 'interview',
    phase: state.phase,
    currentRound:
      round && round.startedAt !== null && round.endsAt !== null
        ? {
            index: round.index,
            interviewerId: round.interviewerId,
            candidateId: round.candidateId,
            startedAt: new Date(round.startedAt).toISOString(),
            endsAt: new Date(round.endsAt).toISOString(),
          }
        : null,
    rounds: state.rounds.map(toRoundSummary),
    warningSeconds: INTERVIEW_WARNING_SECONDS,
    serverNow: new Date(now).toISOString(),
  };
}
