import { expect, test, type Page } from './support/fixtures';
import { auditPage, watchConsole } from './support/page-audit';
import { askForMatch, busiestTopic, signUp } from './support/matching';

/**
 * Feedback after a mock interview (issue #18 item 6), in the browser: two
 * students match for a mock interview, each round's interviewer ends it
 * (End round; interview.spec.ts covers rounds that time out), each rates the
 * other, and what one gave stays hidden until the other has rated too; then
 * history shows both rounds with their feedback, the profile the averages,
 * and one blocks the other.
 */

/** From the second End round until the feedback form shows (the room closes, the page is reloaded until it says so). */
const INTERVIEW_OVER_MS = 60_000;

/** The interviewer of each round ends it, as the room offers: the interview is over without waiting for the clock. */
async function endBothRounds(pages: readonly [Page, Page]) {
  const role = (page: Page) => page.getByTestId('interview-role');
  for (const round of ['1', '2']) {
    for (const page of pages) await expect(role(page)).toHaveAttribute('data-round', round, { timeout: 15_000 });
    const interviewer = (await role(pages[0]).getAttribute('data-role')) === 'interviewer' ? pages[0] : pages[1];
    await interviewer.getByTestId('end-round-button').click();
    await interviewer.getByTestId('confirm-end-round').click();
  }
}

/** Both ask for a 30-minute mock interview on the same criteria, follow "Go to room" and wait until their editor is connected. */
async function matchIntoInterview(first: Page, second: Page): Promise<string> {
  const { topic, difficulty } = await busiestTopic(first);
  const session = { mode: 'interview', minutes: 30 } as const;
  await askForMatch(first, topic, difficulty, session);
  await expect(first.getByRole('region', { name: 'Finding you a partner' })).toBeVisible();
  await askForMatch(second, topic, difficulty, session);
  for (const page of [first, second]) {
    const goToRoom = page.getByRole('link', { name: 'Go to room' });
    await expect(goToRoom).toBeVisible({ timeout: 15_000 });
    await goToRoom.click();
    await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
    // Round one starts once both have connected to the room's editor.
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
  }
  const roomId = new URL(first.url()).pathname.split('/').pop();
  if (!roomId) throw new Error('No room id in the URL');
  return roomId;
}

/** A tab of the same user on the room's feedback page, reloaded until the session is over and the form shows. */
async function openFeedbackOnceOver(page: Page, roomId: string, partnerName: string): Promise<Page> {
  const tab = watchConsole(await page.context().newPage());
  await tab.goto(`/rooms/${roomId}/feedback`);
  await expect(tab.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible();
  const form = tab.getByRole('form', { name: `Rate ${partnerName}` });
  await expect(async () => {
    if (!(await form.isVisible())) {
      // While the rounds run the page says so, in words.
      await expect(tab.getByTestId('feedback-state')).toHaveAttribute('data-state', 'open');
      await tab.reload();
    }
    await expect(form).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: INTERVIEW_OVER_MS, intervals: [2_000] });
  return tab;
}

/** Chooses `score` for every criterion of the form and adds `comment`. */
async function rate(page: Page, partnerName: string, score: 1 | 2 | 3 | 4, comment: string) {
  const form = page.getByRole('form', { name: `Rate ${partnerName}` });
  const groups = form.getByRole('radiogroup');
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    await groups.nth(i).getByRole('radio', { name: new RegExp(`^${score} `) }).check();
  }
  await form.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await expect(form.getByTestId('comment-counter')).toHaveText(`${comment.length} / 2,000`);
  await form.getByRole('button', { name: 'Submit feedback' }).click();
  await expect(page.getByTestId('feedback-given').getByTestId('feedback-score')).toHaveCount(count);
  return count;
}

test.describe('feedback after a mock interview', () => {
  test('both rate each other, the feedback shows once both did, history and profile show it, and one blocks the other', async ({ browser }, testInfo) => {
    test.setTimeout(INTERVIEW_OVER_MS + 180_000);
    const ada = await signUp(browser, 'ada', 'f');
    const bob = await signUp(browser, 'bob', 'f');
    const roomId = await matchIntoInterview(ada.page, bob.page);

    // A chat line before round one starts counts as round one's.
    await ada.page.getByTestId('chat-input').fill('Ready when you are');
    await ada.page.getByTestId('chat-input').press('Enter');
    await expect(bob.page.getByTestId('chat-message-text')).toHaveText(['Ready when you are']);

    // Each round's interviewer ends it; after round two the room closes.
    await endBothRounds([ada.page, bob.page]);
    const adaTab = await openFeedbackOnceOver(ada.page, roomId, bob.displayName);
    const bobTab = await openFeedbackOnceOver(bob.page, roomId, ada.displayName);
    await auditPage(adaTab, testInfo, 'feedback-form', { ready: adaTab.getByRole('form', { name: `Rate ${bob.displayName}` }) });

    // Every criterion needs a score: said at the criterion, nothing sent.
    const adaForm = adaTab.getByRole('form', { name: `Rate ${bob.displayName}` });
    await adaForm.getByRole('button', { name: 'Submit feedback' }).click();
    const firstGroup = adaForm.getByRole('radiogroup').first();
    await expect(firstGroup).toHaveAttribute('aria-invalid', 'true');
    await expect(firstGroup).toContainText(/Choose a score for /);

    // Ada rates first: what Bob gave her (nothing yet) stays hidden, with when it shows.
    const criteria = await rate(adaTab, bob.displayName, 3, 'Clear plan, talk through the edge cases earlier.');
    await expect(adaTab.getByTestId('feedback-given').getByTestId('feedback-comment')).toHaveText('Clear plan, talk through the edge cases earlier.');
    await expect(adaTab.getByTestId('feedback-received-state')).toHaveText(new RegExp(`^Visible once ${bob.displayName} rates you, or on .+\\.$`));
    await expect(adaTab.getByTestId('received-feedback')).toHaveCount(0);

    // Bob has not rated yet: he sees nothing of Ada's either, until he does.
    await expect(bobTab.getByTestId('feedback-received-state')).toHaveText(new RegExp(`^Visible once ${ada.displayName} rates you`));
    await rate(bobTab, ada.displayName, 4, 'Strong testing.');
    await expect(bobTab.getByTestId('received-feedback').getByTestId('feedback-score')).toHaveCount(criteria);
    await expect(bobTab.getByTestId('received-feedback').getByTestId('feedback-comment')).toHaveText('Clear plan, talk through the edge cases earlier.');
    await expect(bobTab.getByTestId('received-feedback').locator('dd').first()).toHaveText('3 Good');

    // Now Ada sees Bob's too.
    await adaTab.reload();
    await expect(adaTab.getByTestId('received-feedback').getByTestId('feedback-comment')).toHaveText('Strong testing.');
    await expect(adaTab.getByTestId('received-feedback').locator('dd').first()).toHaveText('4 Strong');
    await auditPage(adaTab, testInfo, 'feedback-done', { ready: adaTab.getByTestId('received-feedback') });

    // History: the attempt is marked as a mock interview and shows both rounds with the feedback per round.
    await adaTab.goto('/history');
    const row = adaTab.getByTestId('history-row').first();
    await expect(row).toContainText('Mock interview · 2 rounds');
    await row.getByRole('link').first().click();
    await expect(adaTab).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
    const rounds = adaTab.getByTestId('attempt-round');
    await expect(rounds).toHaveCount(2);
    await expect(rounds.nth(0)).toHaveAttribute('data-round', '1');
    await expect(rounds.nth(1)).toHaveAttribute('data-round', '2');
    for (const index of [0, 1]) await expect(rounds.nth(index).getByTestId('round-timeline')).toContainText('the interviewer ended it');
    // One round Ada was the candidate (Bob's feedback), the other the interviewer (hers).
    await expect(adaTab.getByTestId('round-feedback-received').getByTestId('feedback-comment')).toHaveText('Strong testing.');
    await expect(adaTab.getByTestId('round-feedback-given').getByTestId('feedback-comment')).toHaveText('Clear plan, talk through the edge cases earlier.');
    await expect(adaTab.getByRole('heading', { name: /^Round 1 · You were the (interviewer|candidate)$/ })).toBeVisible();
    await expect(adaTab.getByRole('heading', { name: /^Round 2 · You were the (interviewer|candidate)$/ })).toBeVisible();
    // The chat, with the marker of the round its line was written in.
    await expect(adaTab.getByTestId('chat-round-marker')).toHaveText(['Round 1']);
    await expect(adaTab.getByTestId('chat-message-text')).toHaveText(['Ready when you are']);
    await auditPage(adaTab, testInfo, 'attempt-interview', { ready: rounds.nth(1).getByTestId('round-feedback') });

    // Profile: the averages per criterion (one rating of 4 each).
    await adaTab.goto('/profile');
    const averages = adaTab.getByTestId('feedback-average');
    await expect(averages).toHaveCount(criteria);
    await expect(averages.getByTestId('feedback-average-value')).toHaveText(Array(criteria).fill('4.0'));
    await expect(averages.getByTestId('feedback-average-count')).toHaveText(Array(criteria).fill('1 rating'));
    await expect(averages.first().getByRole('img', { name: /over time, oldest first: 4$/ })).toBeVisible();
    await auditPage(adaTab, testInfo, 'profile-feedback', { ready: adaTab.getByTestId('feedback-averages') });

    // Ada blocks Bob: confirmed in a dialog, then the button says so (idempotent on the server).
    await adaTab.goto(`/rooms/${roomId}/feedback`);
    await adaTab.getByRole('button', { name: `Block ${bob.displayName}` }).click();
    const dialog = adaTab.getByRole('dialog', { name: `Block ${bob.displayName}?` });
    await expect(dialog).toContainText('You will never be matched');
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(adaTab.getByTestId('block-partner')).toHaveText('Blocked');
    await expect(adaTab.getByTestId('block-partner')).toBeDisabled();
  });
});
