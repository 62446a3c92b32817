import { expect, test, type Page, type TestInfo } from './support/fixtures';
import { busiestTopic, matchIntoRoom, signUp } from './support/matching';

/** Monaco renders spaces as U+00A0; compare plain text. */
async function editorText(page: Page): Promise<string> {
  const text = await page.getByTestId('room-editor').locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  // The header is sticky: from the top, a full-page capture shows it once, where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('collaboration room', () => {
  test('two students match, code together, chat, switch language, end the session and find it in their history', async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const ada = await signUp(browser, 'ada', 'r');
    const bob = await signUp(browser, 'bob', 'r');
    const { topic, difficulty } = await busiestTopic(ada.page);

    await matchIntoRoom(ada.page, bob.page, topic, difficulty);
    for (const { page } of [ada, bob]) await expect(page.getByTestId('room-question').getByRole('heading', { level: 1 })).toBeVisible();
    expect(ada.page.url()).toBe(bob.page.url());

    // Presence: each sees the other online.
    await expect(ada.page.getByTestId('presence-item').filter({ hasText: bob.displayName })).toHaveAttribute('data-status', 'online');
    await expect(bob.page.getByTestId('presence-item').filter({ hasText: ada.displayName })).toHaveAttribute('data-status', 'online');

    // Typing: Ada's keystrokes appear in Bob's editor, and her cursor is labelled with her name there.
    await ada.page.getByTestId('room-editor').locator('.view-lines').click();
    // At the top, so her cursor stays in the part of Bob's editor that is rendered.
    await ada.page.keyboard.press('Control+Home');
    await ada.page.keyboard.type('// solved together by Ada\n');
    await expect.poll(() => editorText(bob.page), { timeout: 10_000 }).toContain('// solved together by Ada');
    const adaCursor = bob.page.getByTestId('room-editor').locator('[class*="yRemoteSelectionHead-"]');
    await expect(adaCursor).toHaveCount(1, { timeout: 10_000 });
    // The label is drawn by CSS (::after) in Ada's colour.
    await expect
      .poll(() => adaCursor.evaluate((head) => getComputedStyle(head, '::after').content))
      .toBe(JSON.stringify(ada.displayName));

    // Chat, both ways.
    await ada.page.getByTestId('chat-input').fill('Shall we start with a hash map?');
    await ada.page.getByTestId('chat-input').press('Enter');
    await expect(bob.page.getByTestId('chat-message-text')).toHaveText(['Shall we start with a hash map?']);
    await bob.page.getByTestId('chat-input').fill('Yes, O(n) it is');
    await bob.page.getByTestId('chat-send').click();
    await expect(ada.page.getByTestId('chat-message-text')).toHaveText(['Shall we start with a hash map?', 'Yes, O(n) it is']);

    // Language: Bob switches, Ada's editor follows (the code was edited, so it is kept).
    await bob.page.getByLabel('Language').selectOption('java');
    await expect(ada.page.getByLabel('Language')).toHaveValue('java');
    await expect(ada.page.getByTestId('room-editor')).toHaveAttribute('data-language', 'java');
    await expect.poll(() => editorText(ada.page)).toContain('// solved together by Ada');
    await screenshot(ada.page, testInfo, 'room');
    await screenshot(bob.page, testInfo, 'room-peer');

    // Ada ends the session after confirming; Bob sees it end.
    await ada.page.getByTestId('end-session-button').click();
    await ada.page.getByTestId('confirm-end-session').click();
    for (const { page } of [ada, bob]) {
      await expect(page.getByTestId('session-ended-banner')).toContainText(`Session ended by ${ada.displayName}`, { timeout: 10_000 });
      await expect(page.getByTestId('room-editor')).toHaveAttribute('data-readonly', 'true');
    }
    await screenshot(bob.page, testInfo, 'room-ended');

    // Both find the attempt, with the final code and the chat.
    for (const [{ page }, partner] of [
      [ada, bob.displayName],
      [bob, ada.displayName],
    ] as const) {
      await page.goto('/history');
      const row = page.getByTestId('history-row').first();
      await expect(row).toContainText(partner);
      await expect(row).toContainText('Java');
      await row.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId('attempt-code')).toHaveAttribute('data-language', 'java');
      await expect.poll(async () => (await page.getByTestId('attempt-code').innerText()).replace(/\u00a0/g, ' ')).toContain(
        '// solved together by Ada',
      );
      await expect(page.getByTestId('attempt-chat')).toContainText('Yes, O(n) it is');
    }
    await screenshot(bob.page, testInfo, 'history-attempt');
  });
});
