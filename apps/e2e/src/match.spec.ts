import { expect, test, type Locator, type Page, type TestInfo } from './support/fixtures';
import { busiestTopic, chooseCriteria, PAIR_PRACTICE, signUp } from './support/matching';

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

    await chooseCriteria(first.page, topic, difficulty, PAIR_PRACTICE);
    await screenshotBothSchemes(first.page, testInfo, 'match-form', first.page.getByRole('button', { name: 'Find a partner' }));
    await first.page.getByRole('button', { name: 'Find a partner' }).click();
    const waiting = first.page.getByRole('region', { name: 'Finding you a partner' });
    await expect(waiting).toBeVisible();
    await expect(first.page.getByTestId('match-countdown')).toHaveText(/^0:\d\d$/);
    await screenshotBothSchemes(first.page, testInfo, 'match-waiting', waiting);

    // A reload while waiting resumes the same request, countdown and all.
    await first.page.reload();
    await expect(first.page.getByRole('region', { name: 'Finding you a partner' })).toBeVisible();

    await chooseCriteria(second.page, topic, difficulty, PAIR_PRACTICE);
    await second.page.getByRole('button', { name: 'Find a partner' }).click();

    await expect(second.page.getByTestId('matched-peer')).toHaveText(first.displayName, { timeout: 10_000 });
    await expect(first.page.getByTestId('matched-peer')).toHaveText(second.displayName, { timeout: 10_000 });
    // The room follows from collaboration-service (the room journey is room.spec.ts).
    await expect(first.page.getByRole('region', { name: 'Matched' })).toContainText(/Preparing your room…|Go to room/);
    await screenshotBothSchemes(first.page, testInfo, 'match-matched', first.page.getByTestId('matched-peer'));
  });

  test('a mock interview request meets only a mock interview request, and the pair gets the shorter length', async ({ browser }, testInfo) => {
    const interviewer = await signUp(browser, 'i');
    const practiser = await signUp(browser, 'p');
    const shortInterviewer = await signUp(browser, 's');
    const { topic, difficulty } = await busiestTopic(interviewer.page);
    const find = (page: Page) => page.getByRole('form', { name: 'Match criteria' }).getByRole('button', { name: 'Find a partner' }).click();
    const waiting = (page: Page) => page.getByRole('region', { name: 'Finding you a partner' });

    await chooseCriteria(interviewer.page, topic, difficulty, { mode: 'interview', minutes: 60 });
    await screenshotBothSchemes(interviewer.page, testInfo, 'match-form-interview', interviewer.page.getByRole('button', { name: '60 min' }));
    await find(interviewer.page);
    await expect(waiting(interviewer.page)).toBeVisible();
    await expect(interviewer.page.getByTestId('match-session')).toHaveText('Mock interview · 60 min');
    await expect(interviewer.page.getByTestId('match-status')).toContainText('mock interview partner');

    // Same topic and difficulty, pair practice: both keep waiting.
    await chooseCriteria(practiser.page, topic, difficulty, PAIR_PRACTICE);
    await find(practiser.page);
    await expect(waiting(practiser.page)).toBeVisible();
    await expect(practiser.page.getByTestId('match-session')).toHaveText('Pair practice');
    await expect(interviewer.page.getByTestId('match-countdown')).toHaveText(/^0:\d\d$/);
    await expect(waiting(interviewer.page)).toBeVisible();

    await chooseCriteria(shortInterviewer.page, topic, difficulty, { mode: 'interview', minutes: 30 });
    await find(shortInterviewer.page);
    await expect(shortInterviewer.page.getByTestId('matched-peer')).toHaveText(interviewer.displayName, { timeout: 10_000 });
    await expect(interviewer.page.getByTestId('matched-peer')).toHaveText(shortInterviewer.displayName, { timeout: 10_000 });
    for (const { page } of [interviewer, shortInterviewer]) await expect(page.getByTestId('matched-session')).toHaveText('Mock interview · 30 min');
    await screenshotBothSchemes(interviewer.page, testInfo, 'match-matched-interview', interviewer.page.getByTestId('matched-session'));

    // The pair-practice request was never offered to either.
    await expect(waiting(practiser.page)).toBeVisible();
    await practiser.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(practiser.page.getByTestId('match-outcome')).toContainText('Request cancelled');
  });

  test('a student who cancels a waiting request sees it cancelled and the form again', async ({ browser }, testInfo) => {
    const student = await signUp(browser, 'c');
    const { topic, difficulty } = await busiestTopic(student.page);
    await chooseCriteria(student.page, topic, difficulty, PAIR_PRACTICE);
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
    expect(current).toBe(204);
  });
});
