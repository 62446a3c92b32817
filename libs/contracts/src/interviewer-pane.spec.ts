import { randomUUID } from 'node:crypto';
import { interviewRoundParamsSchema } from './interview';
import { hintReleaseParamsSchema, INTERVIEW_NOTES_MAX_LENGTH, putInterviewerNotesRequestSchema } from './interviewer-pane';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the interviewer pane contracts', () => {
  const id = randomUUID();

  it('read the round and the hint index from their path segments', () => {
    expect(hintReleaseParamsSchema.parse({ id, round: '2', index: '0' })).toEqual({ id, round: 2, index: 0 });
    expect(interviewRoundParamsSchema.parse({ id, round: '1' })).toEqual({ id, round: 1 });
  });

  it.each([['0'], ['3'], ['1.5'], [''], ['one'], ['-1']])('refuse round %j, naming round', (round) => {
    expect(paths(interviewRoundParamsSchema.safeParse({ id, round }))).toEqual(['round']);
  });

  it.each([['10'], ['-1'], [''], ['x'], ['1e1']])('refuse hint index %j, naming index', (index) => {
    expect(paths(hintReleaseParamsSchema.safeParse({ id, round: '1', index }))).toEqual(['index']);
  });

  it('take notes up to the limit, empty included, and nothing else in the body', () => {
    expect(putInterviewerNotesRequestSchema.safeParse({ text: '' }).success).toBe(true);
    expect(putInterviewerNotesRequestSchema.safeParse({ text: 'a'.repeat(INTERVIEW_NOTES_MAX_LENGTH) }).success).toBe(true);
    expect(paths(putInterviewerNotesRequestSchema.safeParse({ text: 'a'.repeat(INTERVIEW_NOTES_MAX_LENGTH + 1) }))).toEqual(['text']);
    expect(paths(putInterviewerNotesRequestSchema.safeParse({}))).toEqual(['text']);
    expect(putInterviewerNotesRequestSchema.safeParse({ text: 'a', authorId: id }).success).toBe(false);
  });
});
