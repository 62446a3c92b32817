import type { MatchCriteria, TopicWithCounts } from '@peerprep/contracts';
import { ApiError } from '../api-error';
import {
  DEFAULT_CRITERIA_FORM,
  describeSubmitFailure,
  describeWidening,
  toggleTopic,
  toMatchRequest,
  topicCount,
  widenCriteria,
} from './criteria-form';

function topic(slug: string, name: string, EASY: number, MEDIUM: number, HARD: number): TopicWithCounts {
  return { slug, name, counts: { EASY, MEDIUM, HARD }, total: EASY + MEDIUM + HARD };
}

const [ARRAYS, GRAPHS, STRINGS, TREES] = [topic('arrays', 'Arrays', 3, 2, 0), topic('graphs', 'Graphs', 1, 0, 4), topic('strings', 'Strings', 5, 1, 1), topic('trees', 'Trees', 2, 0, 0)] as const;
const TOPICS = [ARRAYS, GRAPHS, STRINGS, TREES];

describe('toMatchRequest', () => {
  it('turns a complete form into the request body', async () => {
    const values = { mode: 'pair', minutes: 45, difficulty: 'EASY', topics: ['arrays', 'graphs'], language: 'java', allowRelaxed: false } as const;
    const result = await toMatchRequest(values, TOPICS);
    expect(result).toEqual({ data: { ...values, topics: ['arrays', 'graphs'] }, failure: null });
  });

  it('asks for a 45-minute mock interview unless the user picks otherwise', async () => {
    expect(DEFAULT_CRITERIA_FORM).toMatchObject({ mode: 'interview', minutes: 45 });
    const result = await toMatchRequest({ ...DEFAULT_CRITERIA_FORM, minutes: 30, difficulty: 'EASY', topics: ['arrays'] }, TOPICS);
    expect(result.data).toMatchObject({ mode: 'interview', minutes: 30 });
  });

  it('asks for a difficulty and a topic beside their fields', async () => {
    const result = await toMatchRequest(DEFAULT_CRITERIA_FORM, TOPICS);
    expect(result.failure?.fieldErrors).toEqual({ difficulty: 'Pick a difficulty', topics: 'Pick at least one topic' });
  });

  it('names the chosen topics that have no question at the difficulty', async () => {
    const result = await toMatchRequest({ ...DEFAULT_CRITERIA_FORM, difficulty: 'HARD', topics: ['arrays', 'graphs', 'trees'] }, TOPICS);
    expect(result.failure?.fieldErrors).toEqual({ topics: 'No hard questions in Arrays, Trees yet' });
  });
});

describe('topic selection', () => {
  it('counts questions at the chosen difficulty, or all of them before one is chosen', () => {
    expect(topicCount(ARRAYS, 'MEDIUM')).toBe(2);
    expect(topicCount(ARRAYS, null)).toBe(5);
  });

  it('toggles topics and refuses a sixth', () => {
    const one = toggleTopic(DEFAULT_CRITERIA_FORM, 'arrays');
    expect(one.topics).toEqual(['arrays']);
    expect(toggleTopic(one, 'arrays').topics).toEqual([]);
    const five = { ...DEFAULT_CRITERIA_FORM, topics: ['a', 'b', 'c', 'd', 'e'] };
    expect(toggleTopic(five, 'f')).toBe(five);
  });
});

describe('widenCriteria', () => {
  const strict: MatchCriteria = { mode: 'interview', minutes: 45, difficulty: 'EASY', topics: ['trees'], language: 'python', allowRelaxed: false };

  it('first accepts other difficulties', () => {
    const wider = widenCriteria(strict, TOPICS);
    expect(wider).toEqual({ ...strict, allowRelaxed: true });
    expect(describeWidening(strict, wider ?? strict)).toBe('Also accept a partner at another difficulty');
  });

  it('then adds the topics with the most questions at the difficulty, up to five', () => {
    const relaxed = { ...strict, allowRelaxed: true };
    const wider = widenCriteria(relaxed, TOPICS);
    expect(wider?.topics).toEqual(['trees', 'strings', 'arrays', 'graphs']);
    expect(describeWidening(relaxed, wider ?? relaxed)).toBe('Add 3 more topics');
    const nearlyFull = { ...relaxed, topics: ['trees', 'x', 'y', 'z'] };
    expect(widenCriteria(nearlyFull, TOPICS)?.topics).toEqual(['trees', 'x', 'y', 'z', 'strings']);
  });

  it('has nothing left to widen when every topic with questions is chosen', () => {
    expect(widenCriteria({ mode: 'pair', minutes: 45, difficulty: 'HARD', topics: ['graphs', 'strings'], language: 'python', allowRelaxed: true }, TOPICS)).toBeNull();
  });
});

describe('describeSubmitFailure', () => {
  it('puts server field errors (topics.1) beside the form field', () => {
    const error = new ApiError({ status: 400, title: 'Bad Request', fieldErrors: { 'topics.1': 'No question in graphs at HARD' } });
    expect(describeSubmitFailure(error)).toEqual({ fieldErrors: { topics: 'No question in graphs at HARD' }, message: null });
  });

  it('says matching is unavailable on a 503', () => {
    expect(describeSubmitFailure(new ApiError({ status: 503, title: 'Service Unavailable' })).message).toMatch(/unavailable/);
  });

  it('falls back to the general form messages', () => {
    expect(describeSubmitFailure(new ApiError({ status: 0, title: 'Network error' })).message).toMatch(/could not be reached/);
  });
});
