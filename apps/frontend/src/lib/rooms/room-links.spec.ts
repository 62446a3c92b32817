import { attemptHref, feedbackHref, roomHref } from './room-links';

describe('room and attempt links', () => {
  it('builds the page paths from ids, encoded', () => {
    expect(roomHref('0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11')).toBe('/rooms/0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11');
    expect(attemptHref('a/b?c')).toBe('/history/a%2Fb%3Fc');
    expect(feedbackHref('0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11')).toBe('/rooms/0b0e7a52-5f49-4a4c-9d43-8f1f1c0e1a11/feedback');
    expect(feedbackHref('a/b')).toBe('/rooms/a%2Fb/feedback');
  });
});
