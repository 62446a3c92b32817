import { expect, test, type Locator, type Page, type TestInfo } from './support/fixtures';
import { busiestTopic, chooseCriteria, signUp } from './support/matching';

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
    expect(current).toBe(204);
  });
});
