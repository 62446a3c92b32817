import { FEEDBACK_COMMENT_MAX_LENGTH, submitFeedbackRequestSchema } from './feedback';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the feedback contracts', () => {
  it('take a score from 1 to 4 per criterion id and a comment that may be empty', () => {
    expect(submitFeedbackRequestSchema.parse({ scores: { 'problem-solving': 1, testing: 4 }, comment: '' })).toEqual({
      scores: { 'problem-solving': 1, testing: 4 },
      comment: '',
    });
  });

  it.each([[0], [5], [2.5], ['3']])('refuse the score %j, naming scores.<criterion>', (score) => {
    expect(paths(submitFeedbackRequestSchema.safeParse({ scores: { testing: score }, comment: '' }))).toEqual(['scores.testing']);
  });

  it('refuse a comment past the limit, a missing one, and any other field', () => {
    expect(paths(submitFeedbackRequestSchema.safeParse({ scores: {}, comment: 'a'.repeat(FEEDBACK_COMMENT_MAX_LENGTH + 1) }))).toEqual(['comment']);
    expect(paths(submitFeedbackRequestSchema.safeParse({ scores: {} }))).toEqual(['comment']);
    expect(submitFeedbackRequestSchema.safeParse({ scores: {}, comment: '', receiverId: 'x' }).success).toBe(false);
  });
});
