import { formatDuration, historyHref, historyPageFromQuery, isoDuration, pageCount } from './history-format';

describe('formatDuration', () => {
  it('shows seconds under a minute, minutes under an hour, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(59 * 60 + 59)).toBe('59 min');
    expect(formatDuration(3600)).toBe('1 h 00 min');
    expect(formatDuration(3600 + 5 * 60 + 30)).toBe('1 h 05 min');
    expect(formatDuration(26 * 3600)).toBe('26 h 00 min');
  });

  it('never shows a negative or fractional duration', () => {
    expect(formatDuration(-5)).toBe('0 s');
    expect(formatDuration(61.9)).toBe('1 min');
  });
});

describe('isoDuration', () => {
  it('writes ISO 8601 durations', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(45)).toBe('PT45S');
    expect(isoDuration(3600 + 5 * 60 + 3)).toBe('PT1H5M3S');
    expect(isoDuration(7200)).toBe('PT2H');
  });
});

describe('history paging', () => {
  it('reads the page from the query, falling back to 1 for anything odd', () => {
    expect(historyPageFromQuery(null)).toBe(1);
    expect(historyPageFromQuery('3')).toBe(3);
    for (const raw of ['0', '-2', '1.5', 'abc', '99999999']) expect(historyPageFromQuery(raw)).toBe(1);
  });

  it('links page 1 without a query', () => {
    expect(historyHref(1)).toBe('/history');
    expect(historyHref(4)).toBe('/history?page=4');
  });

  it('always has at least one page', () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
  });
});
