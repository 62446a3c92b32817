import { renderToStaticMarkup } from 'react-dom/server';
import { aResult, aRun } from '../../../test/run-fixtures';
import { RunHeadline, RunResult } from './run-result';

/** The words of rendered markup (emotion puts its styles inline, in <style> elements). */
const text = (html: string) =>
  html
    .replace(/<style[^>]*>[^<]*<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('RunResult', () => {
  const wrong = aRun({
    phase: 'done',
    result: aResult({
      status: 'wrong_answer',
      summary: 'Wrong answer on test 1 (0/2 passed)',
      passed: 0,
      firstFailure: 0,
      tests: [
        { index: 0, hidden: false, verdict: 'wrong_answer', timeMs: 2, args: [[4, 9], 13], expected: [0, 1], actual: [1, 0], stdout: 'debug\n' },
        { index: 1, hidden: true, verdict: 'wrong_answer', timeMs: 3 },
      ],
    }),
  });

  it('shows a visible failing test with its input, expected and actual values and output, open', () => {
    const html = renderToStaticMarkup(<RunResult run={wrong} paramNames={['prices', 'target']} />);
    expect(text(html)).toContain('prices = [4,9], target = 13');
    expect(text(html)).toMatch(/Expected \[0,1\]/);
    expect(text(html)).toMatch(/Actual \[1,0\]/);
    expect(text(html)).toContain('debug');
    expect(html).toMatch(/<details open=""/);
  });

  it('shows a hidden test as its verdict only', () => {
    const html = renderToStaticMarkup(<RunResult run={wrong} paramNames={['prices', 'target']} />);
    const hiddenRow = html.split('data-testid="run-test-row"')[2];
    expect(text(hiddenRow)).toMatch(/Test 2 Hidden test Wrong answer 3 ms/);
    expect(hiddenRow).not.toContain('test-expected');
  });

  it('names the custom input and shows what it returned, without an expected value', () => {
    const run = aRun({
      phase: 'done',
      customInput: [[1, 2], 3],
      result: aResult({ tests: [{ index: 0, hidden: false, verdict: 'ran', timeMs: 1, args: [[1, 2], 3], actual: [0, 1] }] }),
    });
    const html = text(renderToStaticMarkup(<RunResult run={run} paramNames={['prices', 'target']} />));
    expect(html).toContain('Custom input');
    expect(html).toMatch(/Returned \[0,1\]/);
    expect(html).not.toContain('Expected');
  });

  it('heads the result with its summary, and a failed run with why', () => {
    expect(text(renderToStaticMarkup(<RunHeadline run={aRun({ phase: 'done', result: aResult() })} />))).toContain('Accepted 2/2 · 48 ms · 12 MB');
    expect(text(renderToStaticMarkup(<RunHeadline run={aRun({ phase: 'failed', error: 'No runner answered.' })} />))).toContain(
      'Could not run: No runner answered.',
    );
    expect(renderToStaticMarkup(<RunResult run={aRun({ phase: 'running' })} paramNames={[]} />)).toBe('');
  });
});
