import { commentCounter, feedbackConflictMessage, feedbackFields, feedbackFormErrors, feedbackRequest } from './feedback-form';

const rubric = [
  { id: 'problem-solving', title: 'Problem solving', description: 'Reaches a solution.' },
  { id: 'testing', title: 'Testing', description: 'Checks edge cases.' },
];

describe('the feedback form', () => {
  it('names its fields as the server does in a 400', () => {
    expect(feedbackFields(rubric)).toEqual(['scores.problem-solving', 'scores.testing', 'comment']);
  });

  it('asks for every criterion without a score, by its title', () => {
    expect(feedbackFormErrors(rubric, { testing: 3 }, '')).toEqual({ 'scores.problem-solving': 'Choose a score for Problem solving.' });
    expect(feedbackFormErrors(rubric, { 'problem-solving': 1, testing: 4 }, 'Good job')).toEqual({});
  });

  it('refuses a comment past 2,000 characters and says how long it is', () => {
    const scores = { 'problem-solving': 2, testing: 2 };
    expect(feedbackFormErrors(rubric, scores, 'x'.repeat(2000))).toEqual({});
    expect(feedbackFormErrors(rubric, scores, 'x'.repeat(2001))).toEqual({ comment: 'Keep the comment to 2,000 characters (2,001 now).' });
  });

  it('sends the rubric criteria only, and the comment trimmed', () => {
    expect(feedbackRequest(rubric, { 'problem-solving': 2, testing: 4, stale: 1 }, '  Clear thinking.\n')).toEqual({
      scores: { 'problem-solving': 2, testing: 4 },
      comment: 'Clear thinking.',
    });
  });

  it('counts the comment against its limit', () => {
    expect(commentCounter('')).toBe('0 / 2,000');
    expect(commentCounter('abc')).toBe('3 / 2,000');
  });
});

describe('feedbackConflictMessage', () => {
  it('says the session is still running, or that you already rated, in words', () => {
    expect(feedbackConflictMessage({ roomOpen: true, alreadyGiven: false, partnerName: 'Ada' }, 'x')).toBe(
      'The session is still running: you can rate Ada once it has ended.',
    );
    expect(feedbackConflictMessage({ roomOpen: false, alreadyGiven: true, partnerName: 'Ada' }, 'x')).toBe(
      'You have already rated Ada for this session: what you gave is below.',
    );
  });

  it('falls back to the server sentence, then to a plain one', () => {
    expect(feedbackConflictMessage({ roomOpen: false, alreadyGiven: false, partnerName: 'Ada' }, 'Your partner deleted their account')).toBe(
      'Your partner deleted their account',
    );
    expect(feedbackConflictMessage({ roomOpen: false, alreadyGiven: false, partnerName: 'Ada' }, null)).toBe('Ada cannot be rated for this session.');
  });
});
