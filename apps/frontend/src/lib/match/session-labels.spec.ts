import { describeSession } from './session-labels';

describe('describeSession', () => {
  it('names a mock interview with its length, and pair practice without one', () => {
    expect(describeSession('interview', 30)).toBe('Mock interview · 30 min');
    expect(describeSession('interview', 60)).toBe('Mock interview · 60 min');
    expect(describeSession('pair', 45)).toBe('Pair practice');
  });
});
