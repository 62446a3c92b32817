import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Difficulty, TopicWithCounts } from './matching';

/**
 * What the Run and Submit journeys need: the seed's reference solutions
 * (apps/question-service/prisma/seed/solutions/<slug>/, Python, Java and C++
 * for twelve questions), a way to find match criteria whose every question
 * has them, and a way to put code into Monaco exactly as written.
 */

const SOLUTIONS = path.resolve(__dirname, '../../../question-service/prisma/seed/solutions');
const FILES = { python: 'solution.py', java: 'Solution.java', cpp: 'solution.cpp' } as const;
export type SolutionLanguage = keyof typeof FILES;

/** The slugs that have reference solutions in Python, Java and C++. */
export function solutionSlugs(): Set<string> {
  return new Set(
    readdirSync(SOLUTIONS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
  );
}

export function readSolution(slug: string, language: SolutionLanguage): string {
  return readFileSync(path.join(SOLUTIONS, slug, FILES[language]), 'utf8');
}

interface QuestionItem {
  slug: string;
  title: string;
}

export interface QuestionDetail {
  id: string;
  slug: string;
  title: string;
  entryPoint: { functionName: string; params: { name: string; type: string }[]; returnType: string };
  starterCode: Record<'javascript' | 'typescript' | 'python' | 'java' | 'cpp', string>;
}

export async function questionDetail(page: Page, slug: string): Promise<QuestionDetail> {
  const response = await page.request.get(`/api/questions/${slug}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as QuestionDetail;
}

/**
 * A topic and difficulty whose every question has reference solutions and
 * returns something other than a bool (a constant is then wrong on every
 * test: see wrongJavaSolution), so whatever question the room gets, the
 * journey has code that solves it and code that does not. The fewest
 * questions first; each comes with its questions (title → slug).
 */
export async function criteriaWithSolutions(page: Page): Promise<{ topic: TopicWithCounts; difficulty: Difficulty; questions: QuestionItem[] }> {
  const solved = solutionSlugs();
  const topicsResponse = await page.request.get('/api/topics');
  expect(topicsResponse.ok()).toBeTruthy();
  const { items: topics } = (await topicsResponse.json()) as { items: TopicWithCounts[] };
  const options = topics
    .flatMap((topic) => (['EASY', 'MEDIUM', 'HARD'] as const).map((difficulty) => ({ topic, difficulty, count: topic.counts[difficulty] })))
    .filter((option) => option.count > 0)
    .sort((a, b) => a.count - b.count);
  for (const { topic, difficulty } of options) {
    const response = await page.request.get(`/api/questions?topics=${topic.slug}&difficulty=${difficulty}&pageSize=100`);
    expect(response.ok()).toBeTruthy();
    const { items } = (await response.json()) as { items: QuestionItem[] };
    if (items.length === 0 || !items.every((item) => solved.has(item.slug))) continue;
    const details = await Promise.all(items.map((item) => questionDetail(page, item.slug)));
    if (details.every((detail) => detail.entryPoint.returnType !== 'bool')) return { topic, difficulty, questions: items };
  }
  throw new Error('No topic and difficulty has reference solutions for every one of its questions');
}

/** Monaco's visible text (it renders spaces as U+00A0). */
export async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Replaces the editor's whole text with `code`, as a paste: typed keys would
 * go through Monaco's auto-indent and auto-closing brackets, a paste is
 * inserted as it is (and, in a room, synced as one edit).
 */
export async function replaceEditorCode(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => {
    const target = document.activeElement;
    if (!target) throw new Error('Monaco has no focused input');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  // Monaco renders only the lines in view, and a paste leaves the cursor (and the view) at the end:
  // the last line with more than closing braces in it is on screen once the paste landed.
  const lastLine = code.split('\n').filter((line) => line.trim().length > 3).at(-1) ?? code;
  await expect.poll(() => editorText(editor)).toContain(lastLine.trim());
}

/**
 * A solution that compiles and returns a value of the right type that is
 * wrong for every test: the Java starter code with its body replaced by a
 * return of an unlikely constant (no such constant for a bool).
 */
export function wrongJavaSolution(question: QuestionDetail): string {
  const constants: Record<string, string> = {
    int: '-987654321',
    long: '-987654321L',
    double: '-98765.4321',
    string: '"not the answer"',
    'int[]': 'new int[] {-987654321}',
    'long[]': 'new long[] {-987654321L}',
    'double[]': 'new double[] {-98765.4321}',
    'bool[]': 'new boolean[] {}',
    'string[]': 'new String[] {"not the answer"}',
    'int[][]': 'new int[][] {{-987654321}}',
    'double[][]': 'new double[][] {{-98765.4321}}',
    'bool[][]': 'new boolean[][] {{}}',
    'string[][]': 'new String[][] {{"not the answer"}}',
  };
  const value = constants[question.entryPoint.returnType];
  if (!value) throw new Error(`No wrong Java value for ${question.entryPoint.returnType}`);
  const starter = question.starterCode.java;
  if (!starter.includes('// Write your solution here.')) throw new Error('The Java starter code has no body placeholder');
  return starter.replace('// Write your solution here.', `return ${value};`);
}

/** Widths from the smallest phone the layout supports to a large one: nothing may scroll sideways. */
export async function expectNoSidewaysScroll(page: Page, widths = [360, 414]): Promise<void> {
  const original = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `sideways scroll at ${width} px`).toBeLessThanOrEqual(clientWidth);
  }
  if (original) await page.setViewportSize(original);
}
