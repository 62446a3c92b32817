import type { FeedbackSummary } from '@peerprep/contracts';
import {
  formatAverage,
  ratingCount,
  SCORES,
  scoreLabel,
  seriesByCriterion,
  sparklinePoints,
  visibilityText,
} from './feedback-format';

describe('score labels', () => {
  it('offers 1 to 4, each with a word, low to high', () => {
    expect(SCORES).toEqual([1, 2, 3, 4]);
    expect(SCORES.map(scoreLabel)).toEqual(['1 Needs work', '2 Fair', '3 Good', '4 Strong']);
  });

  it('falls back to the number for a score outside the scale', () => {
    expect(scoreLabel(7)).toBe('7');
  });
});

describe('visibilityText', () => {
  it('names the partner and the latest date, in the given locale and zone', () => {
    expect(visibilityText('Ada', '2026-12-07T14:05:00.000Z', 'en-GB', 'UTC')).toBe('Visible once Ada rates you, or on 7 Dec 2026, 14:05.');
  });

  it('names only the partner when no date is known', () => {
    expect(visibilityText('Grace', null)).toBe('Visible once Grace rates you.');
  });
});

describe('averages', () => {
  it('shows one decimal, rounded, always with the decimal', () => {
    expect(formatAverage(3)).toBe('3.0');
    expect(formatAverage(2.25)).toBe('2.3');
    expect(formatAverage(2.24)).toBe('2.2');
    expect(formatAverage(3.96)).toBe('4.0');
  });

  it('counts ratings in words', () => {
    expect(ratingCount(1)).toBe('1 rating');
    expect(ratingCount(3)).toBe('3 ratings');
  });
});

describe('seriesByCriterion', () => {
  const summary: FeedbackSummary = {
    feedbackCount: 2,
    criteria: [
      { id: 'communication', title: 'Communication', average: 3.5, count: 2 },
      { id: 'testing', title: 'Testing', average: 2, count: 1 },
    ],
    series: [
      {
        roomId: '00000000-0000-4000-8000-000000000001',
        round: 1,
        questionId: '00000000-0000-4000-8000-000000000011',
        date: '2026-12-01T10:00:00.000Z',
        scores: [{ criterionId: 'communication', title: 'Communication', score: 3 }],
      },
      {
        roomId: '00000000-0000-4000-8000-000000000002',
        round: 2,
        questionId: '00000000-0000-4000-8000-000000000012',
        date: '2026-12-03T10:00:00.000Z',
        scores: [
          { criterionId: 'communication', title: 'Talking', score: 4 },
          { criterionId: 'testing', title: 'Testing', score: 2 },
        ],
      },
    ],
  };

  it('gives each criterion its scores over time, oldest first, skipping rounds that did not score it', () => {
    expect(seriesByCriterion(summary)).toEqual([
      {
        id: 'communication',
        title: 'Communication',
        average: 3.5,
        count: 2,
        points: [
          { date: '2026-12-01T10:00:00.000Z', score: 3 },
          { date: '2026-12-03T10:00:00.000Z', score: 4 },
        ],
      },
      { id: 'testing', title: 'Testing', average: 2, count: 1, points: [{ date: '2026-12-03T10:00:00.000Z', score: 2 }] },
    ]);
  });
});

describe('sparklinePoints', () => {
  it('puts 4 at the top and 1 at the bottom, spread evenly from left to right', () => {
    expect(sparklinePoints([1, 4, 2.5], 108, 38, 4)).toEqual([
      { x: 4, y: 34 },
      { x: 54, y: 4 },
      { x: 104, y: 19 },
    ]);
  });

  it('centres a single point', () => {
    expect(sparklinePoints([3], 100, 38, 4)).toEqual([{ x: 50, y: 14 }]);
  });
});
