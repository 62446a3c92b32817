import { sameValue } from './compare';

describe('sameValue', () => {
  it('compares ints, longs, bools and strings exactly', () => {
    expect(sameValue(3, 3, 'int')).toBe(true);
    expect(sameValue(3, 4, 'int')).toBe(false);
    expect(sameValue(2 ** 52, 2 ** 52, 'long')).toBe(true);
    expect(sameValue(true, 1, 'bool')).toBe(false);
    expect(sameValue('a', 'a', 'string')).toBe(true);
    expect(sameValue('a', 'A', 'string')).toBe(false);
  });

  it('compares arrays in order and by length', () => {
    expect(sameValue([[1, 2], [3]], [[1, 2], [3]], 'int[][]')).toBe(true);
    expect(sameValue([2, 1], [1, 2], 'int[]')).toBe(false);
    expect(sameValue([1], [1, 2], 'int[]')).toBe(false);
    expect(sameValue(null, [], 'string[]')).toBe(false);
  });

  it('accepts doubles within 1e-6, absolute below 1 and relative above', () => {
    expect(sameValue(2.5000004, 2.5, 'double')).toBe(true);
    expect(sameValue(2.51, 2.5, 'double')).toBe(false);
    expect(sameValue(1e9 + 100, 1e9, 'double')).toBe(true);
    expect(sameValue(1e9 + 10_000, 1e9, 'double')).toBe(false);
    expect(sameValue([0.1 + 0.2], [0.3], 'double[]')).toBe(true);
    expect(sameValue(null, 0.5, 'double')).toBe(false);
  });
});
