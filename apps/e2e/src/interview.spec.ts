import { expect, test, type Page } from './support/fixtures';
import { busiestTopic, enterRoom, matchBoth, signUp } from './support/matching';
import { auditPage, PHONE, watchConsole } from './support/page-audit';

/*
 * A whole mock interview in two browsers. The e2e platform runs every round
 * for 90 s (INTERVIEW_ROUND_SECONDS_OVERRIDE in playwright.config.ts): round
 * one is ended by its interviewer, round two runs out by itself.
 */

/** Monaco renders spaces as U+00A0; compare plain text. */
async function editorText(page: Page): Promise<string> {
  const text = await page.getByTestId('room-editor').locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** "12:05" → 725 s. */
function countdownSeconds(text: string): number {
  const [minutes, seconds] = text.trim().split(':').map(Number);
  return minutes * 60 + seconds;
}

/** The Authorization header of the page's own API calls: what a request "from the page" carries. */
function watchAuthorization(page: Page): () => string {
  let latest = '';
  page.on('request', (request) => {
    const header = request.headers()['authorization'];
    if (header && new URL(request.url()).pathname.startsWith('/api/')) latest = header;
  });
  return () => latest;
}

/**
 * A GET from the page's browser context (its cookies, its token) through the
 * context's request API: a fetch inside the page would log the refusal as a
 * console error, which the audits count against the page.
 */
async function statusFromPage(page: Page, path: string, authorization: string): Promise<number> {
  return (await page.request.get(path, { headers: { Authorization: authorization } })).status();
}

test.describe('mock interview', () => {
  test('two students interview each other: roles, one clock, a hint, the swap, round two timing out, the ended room', async ({ browser }, testInfo) => {
    test.setTimeout(300_000);
    const ada = await signUp(browser, 'ada', 'i');
    const bob = await signUp(browser, 'bob', 'i');
    const auth = new Map([ada, bob].map(({ page }) => [page, watchAuthorization(watchConsole(page))]));
    const { topic, difficulty } = await busiestTopic(ada.page);
    await matchBoth(ada.page, bob.page, topic, difficulty, { mode: 'interview', minutes: 30 });

    // Ada alone: the interview waits for Bob, and nobody may write code yet.
    await enterRoom(ada.page);
    await expect(ada.page.getByTestId('interview-waiting')).toHaveText('Waiting for your partner — the interview starts when you are both here');
    await expect(ada.page.getByTestId('room-editor')).toHaveAttribute('data-readonly', 'true');
    await expect(ada.page.getByTestId('run-button')).toBeDisabled();
    // The chat is not the code: open while waiting.
    await expect(ada.page.getByTestId('chat-input')).toBeEnabled();

    // Bob arrives: round one starts, with opposite roles and one clock.
    await enterRoom(bob.page);
    const role = (page: Page) => page.getByTestId('interview-role');
    for (const { page } of [ada, bob]) await expect(role(page)).toHaveAttribute('data-round', '1', { timeout: 10_000 });
    const adaRole = await role(ada.page).getAttribute('data-role');
    const [interviewer, candidate] = adaRole === 'interviewer' ? [ada, bob] : [bob, ada];
    await expect(role(interviewer.page)).toHaveText('Round 1 of 2 · You are the interviewer');
    await expect(role(candidate.page)).toHaveText('Round 1 of 2 · You are the candidate');
    for (const { page } of [ada, bob]) await expect(page.getByTestId('interview-at-zero')).toHaveText('Round 1 ends at 0:00, then you swap roles.');
    const [first, second] = await Promise.all([ada, bob].map(({ page }) => page.getByTestId('interview-countdown').innerText()));
    expect(countdownSeconds(first)).toBeGreaterThan(0);
    expect(countdownSeconds(first)).toBeLessThanOrEqual(90);
    expect(Math.abs(countdownSeconds(first) - countdownSeconds(second))).toBeLessThanOrEqual(2);
    const roundOneTitle = await interviewer.page.getByTestId('room-question').getByRole('heading', { level: 1 }).innerText();
    await expect(candidate.page.getByTestId('room-question').getByRole('heading', { level: 1 })).toHaveText(roundOneTitle);

    // The pane is the interviewer's alone; the candidate's page is refused its material too.
    await expect(interviewer.page.getByTestId('interviewer-pane')).toBeVisible();
    await expect(interviewer.page.getByTestId('pane-rubric')).toBeVisible();
    await expect(candidate.page.getByTestId('interviewer-pane')).toHaveCount(0);
    await expect(candidate.page.getByTestId('hints-panel')).toContainText('None yet');
    const roomPath = new URL(candidate.page.url()).pathname;
    const roomId = roomPath.split('/').pop() as string;
    const candidateAuth = auth.get(candidate.page)?.() ?? '';
    expect(candidateAuth).toMatch(/^Bearer /);
    expect(await statusFromPage(candidate.page, `/api/rooms/${roomId}/interview/rounds/1/material`, candidateAuth)).toBe(403);

    // A hint, released by the interviewer, reaches the candidate.
    const firstHint = interviewer.page.getByTestId('pane-hint').first();
    await interviewer.page.getByTestId('release-hint').filter({ hasText: 'Release hint 1' }).click();
    await expect(firstHint).toHaveAttribute('data-released', 'true');
    const hintText = (await firstHint.locator('p').first().innerText()).trim();
    await expect(candidate.page.getByTestId('released-hint')).toHaveCount(1);
    await expect(candidate.page.getByTestId('released-hint')).toContainText(hintText);
    // The candidate's room at 390 px: the banner, the question and the hint, no sideways scroll, no axe violation.
    await auditPage(candidate.page, testInfo, 'interview-room-candidate', { ready: candidate.page.getByTestId('released-hint'), phoneOnly: true });

    // Private notes save themselves a moment after the last keystroke.
    await interviewer.page.getByRole('textbox', { name: 'Private notes' }).fill('Asked about edge cases first.');
    await expect(interviewer.page.getByTestId('pane-notes-status')).toHaveAttribute('data-status', 'saved', { timeout: 10_000 });

    // The candidate writes round one's code; the interviewer sees it.
    await expect(candidate.page.getByTestId('room-editor')).toHaveAttribute('data-readonly', 'false');
    await candidate.page.getByTestId('room-editor').locator('.view-lines').click();
    await candidate.page.keyboard.press('Control+Home');
    await candidate.page.keyboard.type('// round one answer\n');
    await expect.poll(() => editorText(interviewer.page), { timeout: 10_000 }).toContain('// round one answer');

    // The interviewer ends round one: the roles swap, question two arrives in a fresh editor.
    await interviewer.page.getByTestId('end-round-button').click();
    await interviewer.page.getByTestId('confirm-end-round').click();
    for (const { page } of [ada, bob]) await expect(role(page)).toHaveAttribute('data-round', '2', { timeout: 10_000 });
    const [roundTwoInterviewer, roundTwoCandidate] = [candidate, interviewer];
    await expect(role(roundTwoInterviewer.page)).toHaveText('Round 2 of 2 · You are the interviewer');
    await expect(role(roundTwoCandidate.page)).toHaveText('Round 2 of 2 · You are the candidate');
    await expect(roundTwoCandidate.page.getByTestId('interviewer-pane')).toHaveCount(0);
    await expect(roundTwoInterviewer.page.getByTestId('interviewer-pane')).toBeVisible();
    for (const { page } of [ada, bob]) {
      const heading = page.getByTestId('room-question').getByRole('heading', { level: 1 });
      await expect(heading).toBeVisible({ timeout: 10_000 });
      await expect(heading).not.toHaveText(roundOneTitle);
      await expect(page.getByTestId('room-editor')).toHaveAttribute('data-round', '2');
      await expect.poll(() => editorText(page), { timeout: 10_000 }).not.toContain('// round one answer');
    }
    const editor = roundTwoCandidate.page.getByTestId('room-editor');
    await expect(editor).toHaveAttribute('data-readonly', 'false');
    await editor.locator('.view-lines').click();
    await roundTwoCandidate.page.keyboard.press('Control+Home');
    await roundTwoCandidate.page.keyboard.type('// round two answer\n');
    await expect.poll(() => editorText(roundTwoInterviewer.page), { timeout: 10_000 }).toContain('// round two answer');

    // Round one's code stays readable, never writable.
    await roundTwoCandidate.page.getByTestId('show-round-1-code').click();
    await expect(editor).toHaveAttribute('data-round', '1');
    await expect(editor).toHaveAttribute('data-readonly', 'true');
    await expect.poll(() => editorText(roundTwoCandidate.page)).toContain('// round one answer');
    await roundTwoCandidate.page.getByTestId('show-round-2-code').click();
    await expect(editor).toHaveAttribute('data-round', '2');
    await expect.poll(() => editorText(roundTwoCandidate.page)).toContain('// round two answer');

    // The interviewer's tab at 390 px: no sideways scroll (five tabs), no axe violation.
    const pane = roundTwoInterviewer.page;
    await pane.setViewportSize(PHONE);
    await pane.getByRole('tablist', { name: 'Room' }).getByRole('tab', { name: 'Interviewer' }).click();
    await auditPage(pane, testInfo, 'interview-room-interviewer-tab', { ready: pane.getByTestId('interviewer-pane'), phoneOnly: true });

    // Round two runs out by itself: the interview is over for both, and each is asked to rate the other.
    for (const { page } of [ada, bob]) {
      const ended = page.getByTestId('session-ended-banner');
      await expect(ended).toContainText('The interview is over', { timeout: 120_000 });
      await expect(page.getByTestId('interview-banner')).toHaveCount(0);
      await expect(page.getByTestId('room-editor')).toHaveAttribute('data-readonly', 'true');
      await expect(page.getByTestId('rate-partner-link')).toHaveAttribute('href', `/rooms/${roomId}/feedback`);
    }
    // The ended interview room, desktop and phone.
    await auditPage(ada.page, testInfo, 'interview-room-ended', { ready: ada.page.getByTestId('session-ended-banner') });
  });
});
