import { starterCodeFor } from './starter-code';

describe('starterCodeFor', () => {
  const starter = starterCodeFor({
    functionName: 'pick',
    params: [
      { name: 'grid', type: 'int[][]' },
      { name: 'words', type: 'string[]' },
      { name: 'big', type: 'long' },
      { name: 'ratio', type: 'double' },
      { name: 'strict', type: 'bool' },
    ],
    returnType: 'bool[]',
  });

  it('declares the entry point with each language’s own types', () => {
    expect(starter.typescript).toContain(
      'function pick(grid: number[][], words: string[], big: number, ratio: number, strict: boolean): boolean[] {',
    );
    expect(starter.python).toContain(
      'def pick(grid: list[list[int]], words: list[str], big: int, ratio: float, strict: bool) -> list[bool]:',
    );
    expect(starter.java).toContain('public boolean[] pick(int[][] grid, String[] words, long big, double ratio, boolean strict) {');
    expect(starter.cpp).toContain(
      'vector<bool> pick(vector<vector<int>> grid, vector<string> words, long long big, double ratio, bool strict) {',
    );
    expect(starter.javascript).toContain('function pick(grid, words, big, ratio, strict) {');
    expect(starter.javascript).toContain('@param {string[]} words');
  });

  it('wraps Java and C++ methods in a Solution class', () => {
    expect(starter.java.startsWith('class Solution {')).toBe(true);
    expect(starter.cpp).toMatch(/class Solution \{\npublic:\n/);
  });
});
