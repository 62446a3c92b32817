import type { ExecutionTest, TestResult, TestVerdict } from '@peerprep/contracts';
import { summarize, verdictOf } from './verdicts';

const test = (expected?: number, hidden = false): ExecutionTest => ({
  args: [1],
  hidden,
  ...(expected === undefined ? {} : { expected }),
});
const results = (...verdicts: TestVerdict[]): TestResult[] =>
  verdicts.map((verdict, index) => ({ index, hidden: false, verdict, timeMs: 1 }));

describe('verdictOf', () => {
  it('compares a returned value with the expected one', () => {
    expect(verdictOf({ actual: 3 }, test(3), 'int')).toBe('passed');
    expect(verdictOf({ actual: 4 }, test(3), 'int')).toBe('wrong_answer');
  });

  it('gives a custom input (no expected value) that returned the verdict ran, whatever it returned', () => {
    expect(verdictOf({ actual: 4 }, test(), 'int')).toBe('ran');
    expect(verdictOf({ actual: null }, test(), 'int[]')).toBe('ran');
  });

  it('keeps a verdict the run already decided, custom input or not', () => {
    expect(verdictOf({ verdict: 'runtime_error' }, test(), 'int')).toBe('runtime_error');
    expect(verdictOf({ verdict: 'time_limit' }, test(3), 'int')).toBe('time_limit');
  });
});

describe('summarize', () => {
  it('accepts when every test passed', () => {
    expect(summarize([test(1), test(2), test(3, true)], results('passed', 'passed', 'passed'))).toEqual({
      status: 'accepted',
      summary: 'Accepted 3/3',
      passed: 3,
      total: 3,
      firstFailure: null,
    });
  });

  it('names the first failing test and counts the passed ones', () => {
    expect(summarize([test(1), test(2), test(3)], results('passed', 'wrong_answer', 'runtime_error'))).toEqual({
      status: 'wrong_answer',
      summary: 'Wrong answer on test 2 (1/3 passed)',
      passed: 1,
      total: 3,
      firstFailure: 1,
    });
  });

  it('does not count skipped tests as failures; the first real failure decides', () => {
    expect(summarize([test(1), test(2), test(3)], results('time_limit', 'skipped', 'skipped')).summary).toBe(
      'Time limit exceeded on test 1 (0/3 passed)',
    );
  });

  it('counts a custom input that ran as passing, outside the count of tests with an expected value', () => {
    expect(summarize([test(1), test(2), test()], results('passed', 'passed', 'ran'))).toEqual({
      status: 'accepted',
      summary: 'Accepted 2/2 · custom input ran',
      passed: 2,
      total: 2,
      firstFailure: null,
    });
  });

  it('names the custom input when it is what failed', () => {
    expect(summarize([test(1), test()], results('passed', 'runtime_error'))).toEqual({
      status: 'runtime_error',
      summary: 'Runtime error on custom input (1/1 passed)',
      passed: 1,
      total: 1,
      firstFailure: 1,
    });
  });

  it('still reports a failing example before a custom input that ran', () => {
    expect(summarize([test(1), test()], results('wrong_answer', 'ran')).summary).toBe('Wrong answer on test 1 (0/1 passed)');
  });

  it('summarises a run of a custom input alone', () => {
    expect(summarize([test()], results('ran'))).toMatchObject({ status: 'accepted', summary: 'Custom input ran', total: 0 });
    expect(summarize([test()], results('time_limit'))).toMatchObject({
      status: 'time_limit',
      summary: 'Time limit exceeded on custom input',
    });
  });
});
