import { toPrefixTsQuery } from './search-text';

describe('toPrefixTsQuery', () => {
  it('makes every word a prefix and requires all of them', () => {
    expect(toPrefixTsQuery('Two  Su')).toBe('two:* & su:*');
  });

  it('drops tsquery operators and punctuation so user text cannot change the query', () => {
    expect(toPrefixTsQuery("a|b & !c:* <-> 'd'")).toBe('a:* & b:* & c:* & d:*');
  });

  it('keeps letters beyond ASCII and digits', () => {
    expect(toPrefixTsQuery('Größe 3sum')).toBe('größe:* & 3sum:*');
  });

  it('answers null when no word is left', () => {
    expect(toPrefixTsQuery(' !?* ')).toBeNull();
  });

  it('keeps at most twelve words', () => {
    expect(toPrefixTsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' & ')).toHaveLength(12);
  });
});
