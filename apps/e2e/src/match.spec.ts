import { expect, test, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';

const PASSWORD = 'correct horse battery staple';
const DIFFICULTY_LABELS = { EASY: 'Easy', MEDIUM: 'Medium', HARD: 'Hard' } as const;
type Difficulty = keyof typeof DIFFICULTY_LABELS;

interface TopicWithCounts {
  slug: string;
  name: string;
  counts: Record<Difficulty, number>;
}

/** Unique per run: lower-case letters and digits, usable in a username. */
function uniqueStamp(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** A fresh user per test: a matched user stays "in a room" for hours, so nobody is reused. */
async function signUp(browser: Browser, label: string): Promise<{ page: Page; displayName: string }> {
  const page = await (await browser.newContext()).newPage();
  const stamp = uniqueStamp();
  const username = `m${label}_${stamp}`.slice(0, 20);
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
async function busiestTopic(page: Page): Promise<{ topic: TopicWithCounts; difficulty: Difficulty }> {
  const response = await page.request.get('/api/topics');
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as { items: TopicWithCounts[] };
  const options = items.flatMap((topic) => (['EASY', 'MEDIUM', 'HARD'] as const).map((difficulty) => ({ topic, difficulty })));
  const best = options.sort((a, b) => b.topic.counts[b.difficulty] - a.topic.counts[a.difficulty])[0];
  if (!best || best.topic.counts[best.difficulty] === 0) throw new Error('The question bank has no questions to match on');
  return best;
}

/** Fills the match form; relaxation off, so only a same-difficulty peer can match. */
async function chooseCriteria(page: Page, topic: TopicWithCounts, difficulty: Difficulty) {
  await page.goto('/match');
  const form = page.getByRole('form', { name: 'Match criteria' });
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: new RegExp(`^${DIFFICULTY_LABELS[difficulty]}`) }).click();
  await form.getByRole('button', { name: new RegExp(`^${topic.name} \\d+$`) }).click();
  await expect(form.getByRole('button', { name: new RegExp(`^${topic.name} \\d+$`) })).toHaveAttribute('aria-pressed', 'true');
  const relaxed = form.getByLabel('Accept a relaxed match');
  if (await relaxed.isChecked()) await relaxed.click();
}

async function screenshotBothSchemes(page: Page, testInfo: TestInfo, name: string, ready: Locator) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(ready).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('match', () => {
  test('two students asking for the same difficulty and topic are matched with each other', async ({ browser }, testInfo) => {
    const first = await signUp(browser, 'a');
    const second = await signUp(browser, 'b');
    const { topic, difficulty } = await busiestTopic(first.page);

    await chooseCriteria(first.page, topic, difficulty);
    await screenshotBothSchemes(first.page, testInfo, 'match-form', first.page.getByRole('button', { name: 'Find a partner' }));
    await first.page.getByRole('button', { name: 'Find a partner' }).click();
    const waiting = first.page.getByRole('region', { name: 'Finding you a partner' });
    await expect(waiting).toBeVisible();
    await expect(first.page.getByTestId('match-countdown')).toHaveText(/^0:\d\d$/);
    await screenshotBothSchemes(first.page, testInfo, 'match-waiting', waiting);

    // A reload while waiting resumes the same request, countdown and all.
    await first.page.reload();
    await expect(first.page.getByRole('region', { name: 'Finding you a partner' })).toBeVisible();

    await chooseCriteria(second.page, topic, difficulty);
    await second.page.getByRole('button', { name: 'Find a partner' }).click();

    await expect(second.page.getByTestId('matched-peer')).toHaveText(first.displayName, { timeout: 10_000 });
    await expect(first.page.getByTestId('matched-peer')).toHaveText(second.displayName, { timeout: 10_000 });
    // The room follows from collaboration-service (the room journey is room.spec.ts).
    await expect(first.page.getByRole('region', { name: 'Matched' })).toContainText(/Preparing your room…|Go to room/);
    await screenshotBothSchemes(first.page, testInfo, 'match-matched', first.page.getByTestId('matched-peer'));
  });

  test('a student who cancels a waiting request sees it cancelled and the form again', async ({ browser }, testInfo) => {
    const student = await signUp(browser, 'c');
    const { topic, difficulty } = await busiestTopic(student.page);
    await chooseCriteria(student.page, topic, difficulty);
    await student.page.getByRole('button', { name: 'Find a partner' }).click();
    await expect(student.page.getByRole('region', { name: 'Finding you a partner' })).toBeVisible();

    await student.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(student.page.getByTestId('match-outcome')).toContainText('Request cancelled');
    const form = student.page.getByRole('form', { name: 'Match criteria' });
    await expect(form).toBeVisible();
    // The form keeps what was chosen.
    await expect(form.getByRole('button', { name: new RegExp(`^${topic.name} \\d+$`) })).toHaveAttribute('aria-pressed', 'true');
    await screenshotBothSchemes(student.page, testInfo, 'match-cancelled', form);

    // Nothing is left waiting on the server.
    const current = await student.page.evaluate(async () => {
      const refreshed = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'include' });
      const { accessToken } = (await refreshed.json()) as { accessToken: string };
      return (await fetch('/api/match/requests/current', { headers: { Authorization: `Bearer ${accessToken}` } })).status;
    });
    expect(current).toBe(404);
  });
});
