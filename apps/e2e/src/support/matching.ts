import { expect, type Browser, type Page } from '@playwright/test';

const PASSWORD = 'correct horse battery staple';
const DIFFICULTY_LABELS = { EASY: 'Easy', MEDIUM: 'Medium', HARD: 'Hard' } as const;
export type Difficulty = keyof typeof DIFFICULTY_LABELS;

export interface TopicWithCounts {
  slug: string;
  name: string;
  counts: Record<Difficulty, number>;
}

/** Unique per run: lower-case letters and digits, usable in a username. */
function uniqueStamp(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/**
 * A fresh user per test, in a browser context of their own: a matched user is
 * "in a room" until it closes, so nobody is reused. `prefix` keeps usernames
 * of different spec files apart.
 */
export async function signUp(browser: Browser, label: string, prefix = 'm'): Promise<{ page: Page; displayName: string }> {
  const page = await (await browser.newContext()).newPage();
  const stamp = uniqueStamp();
  const username = `${prefix}${label}_${stamp}`.slice(0, 20);
  const displayName = `${label.toUpperCase()} ${stamp.slice(-5)}`;
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Email' }).fill(`${username}@example.test`);
  await page.getByRole('textbox', { name: 'Display name' }).fill(displayName);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  return { page, displayName };
}

/** The topic and difficulty with the most questions: one every matching request may ask for. */
export async function busiestTopic(page: Page): Promise<{ topic: TopicWithCounts; difficulty: Difficulty }> {
  const response = await page.request.get('/api/topics');
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as { items: TopicWithCounts[] };
  const options = items.flatMap((topic) => (['EASY', 'MEDIUM', 'HARD'] as const).map((difficulty) => ({ topic, difficulty })));
  const best = options.sort((a, b) => b.topic.counts[b.difficulty] - a.topic.counts[a.difficulty])[0];
  if (!best || best.topic.counts[best.difficulty] === 0) throw new Error('The question bank has no questions to match on');
  return best;
}

/**
 * What kind of session to ask for: `pair` is pair practice (the room with one
 * question and no clock), `interview` a mock interview of `minutes` (the
 * form's default is a 45-minute mock interview).
 */
export type Session = { mode: 'pair' } | { mode: 'interview'; minutes: 30 | 45 | 60 };

/** The journeys that rely on the shared room ask for pair practice. */
export const PAIR_PRACTICE: Session = { mode: 'pair' };

/** Fills the match form; relaxation off, so only a same-difficulty peer can match. */
export async function chooseCriteria(page: Page, topic: TopicWithCounts, difficulty: Difficulty, session: Session) {
  await page.goto('/match');
  const form = page.getByRole('form', { name: 'Match criteria' });
  await expect(form).toBeVisible();
  const modeButton = form.getByRole('button', { name: session.mode === 'pair' ? 'Pair practice' : 'Mock interview' });
  await modeButton.click();
  await expect(modeButton).toHaveAttribute('aria-pressed', 'true');
  if (session.mode === 'interview') {
    const length = form.getByRole('button', { name: `${session.minutes} min` });
    await length.click();
    await expect(length).toHaveAttribute('aria-pressed', 'true');
  } else {
    // Pair practice has no clock: the length is not asked.
    await expect(form.getByRole('button', { name: /^\d+ min$/ })).toHaveCount(0);
  }
  await form.getByRole('button', { name: new RegExp(`^${DIFFICULTY_LABELS[difficulty]}`) }).click();
  await form.getByRole('button', { name: new RegExp(`^${topic.name} \\d+$`) }).click();
  await expect(form.getByRole('button', { name: new RegExp(`^${topic.name} \\d+$`) })).toHaveAttribute('aria-pressed', 'true');
  const relaxed = form.getByLabel('Accept a relaxed match');
  if (await relaxed.isChecked()) await relaxed.click();
}

/** Asks for a match with these criteria (relaxation off). */
export async function askForMatch(page: Page, topic: TopicWithCounts, difficulty: Difficulty, session: Session) {
  await chooseCriteria(page, topic, difficulty, session);
  await page.getByRole('form', { name: 'Match criteria' }).getByRole('button', { name: 'Find a partner' }).click();
}

/** Both users ask for the same session on the same criteria (relaxation off) and see the match; neither has gone to the room yet. */
export async function matchBoth(first: Page, second: Page, topic: TopicWithCounts, difficulty: Difficulty, session: Session) {
  await askForMatch(first, topic, difficulty, session);
  await expect(first.getByRole('region', { name: 'Finding you a partner' })).toBeVisible();
  await askForMatch(second, topic, difficulty, session);
  for (const page of [first, second]) await expect(page.getByRole('link', { name: 'Go to room' })).toBeVisible({ timeout: 15_000 });
}

/** Follows "Go to room" and waits until the room's editor is connected. */
export async function enterRoom(page: Page) {
  await page.getByRole('link', { name: 'Go to room' }).click();
  await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
}

/** Both users ask for pair practice on the same criteria, follow "Go to room" and wait until their editor is connected. */
export async function matchIntoRoom(first: Page, second: Page, topic: TopicWithCounts, difficulty: Difficulty) {
  await matchBoth(first, second, topic, difficulty, PAIR_PRACTICE);
  for (const page of [first, second]) await enterRoom(page);
}
