import { expect, test, type Page } from './support/fixtures';
import { matchIntoRoom, signUp } from './support/matching';
import { auditPage, PHONE, watchConsole } from './support/page-audit';
import {
  criteriaWithSolutions,
  editorText,
  expectNoSidewaysScroll,
  questionDetail,
  readSolution,
  replaceEditorCode,
  solutionSlugs,
  wrongJavaSolution,
} from './support/runs';

/**
 * Run and Submit (issue #16 item 11), through the real sandbox: two peers see
 * every run of their room live and find them in history; a student alone
 * solves a question on its page. The correct code is the seed's reference
 * solution of whatever question the room got.
 */

/** A compile and a dozen tests in a sandbox, behind a queue, on a busy 2-core machine. */
const RESULT_TIMEOUT = 90_000;

/** The editor loads when the student opens it, or by itself once it scrolls into view: whichever comes first. */
async function openPractice(page: Page) {
  const open = page.getByTestId('open-practice');
  const practice = page.getByTestId('solo-practice');
  await expect(open.or(practice)).toBeVisible({ timeout: 15_000 });
  // The page may open it by itself between our look and our click (the button is then gone for good):
  // a click that finds no button is fine, an editor that never shows is not.
  if (await open.isVisible()) await open.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(practice.getByTestId('solo-editor').locator('.view-lines')).toBeVisible({ timeout: 30_000 });
}

test.describe('run and submit', () => {
  test('two peers: one submits a correct Python solution, the other runs a wrong Java one; both see every result live and in history', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(360_000);
    const ada = await signUp(browser, 'ada', 'x');
    const bob = await signUp(browser, 'bob', 'x');
    watchConsole(ada.page);
    const { topic, difficulty, questions } = await criteriaWithSolutions(ada.page);

    await matchIntoRoom(ada.page, bob.page, topic, difficulty);

    const title = (await ada.page.getByTestId('room-question').getByRole('heading', { level: 1 }).innerText()).trim();
    const slug = questions.find((question) => question.title === title)?.slug;
    if (!slug || !solutionSlugs().has(slug)) throw new Error(`The room got "${title}", which has no reference solutions`);
    const question = await questionDetail(ada.page, slug);

    // Ada writes a correct Python solution; once Bob's editor has it, so does the server's live document.
    await ada.page.getByLabel('Language').selectOption('python');
    await expect(bob.page.getByLabel('Language')).toHaveValue('python');
    const python = readSolution(slug, 'python');
    await replaceEditorCode(ada.page, ada.page.getByTestId('room-editor'), python);
    await expect.poll(() => editorText(bob.page.getByTestId('room-editor'))).toContain(`def ${question.entryPoint.functionName}`);

    await ada.page.getByTestId('submit-button').click();
    // Both see it queued or running (with who started it), then Accepted.
    for (const { page } of [ada, bob]) {
      await expect(page.getByTestId('run-started-by')).toContainText(page === ada.page ? 'You submitted' : `${ada.displayName} submitted`);
    }
    for (const { page } of [ada, bob]) {
      await expect(page.getByTestId('run-summary')).toContainText(/^Accepted \d+\/\d+/, { timeout: RESULT_TIMEOUT });
      await expect(page.getByTestId('run-test-row').first()).toBeVisible();
      await expect(page.getByTestId('run-test-row').filter({ hasText: 'Hidden test' }).first()).toBeVisible();
    }

    // Bob switches the room to Java (the code was edited, so it stays) and replaces it with a wrong solution.
    await bob.page.getByLabel('Language').selectOption('java');
    await expect(ada.page.getByLabel('Language')).toHaveValue('java');
    await replaceEditorCode(bob.page, bob.page.getByTestId('room-editor'), wrongJavaSolution(question));
    await expect.poll(() => editorText(ada.page.getByTestId('room-editor'))).toContain('class Solution');

    // Ctrl+Enter runs, from inside the editor too.
    await bob.page.getByTestId('room-editor').locator('.view-lines').click();
    await bob.page.keyboard.press('ControlOrMeta+Enter');
    for (const { page } of [ada, bob]) {
      await expect(page.getByTestId('run-summary')).toContainText(/^Wrong answer/, { timeout: RESULT_TIMEOUT });
      const failing = page.locator('[data-testid="run-test-row"][data-verdict="wrong_answer"]');
      await expect(failing.first().getByTestId('test-expected')).toBeVisible();
      await expect(failing.first().getByTestId('test-actual')).toBeVisible();
      await expect(failing.first().getByTestId('test-actual')).toContainText(/-987654321|-98765\.4321|not the answer/);
      // Both runs are listed, newest first, with who started them.
      const items = page.getByTestId('run-list-item');
      await expect(items).toHaveCount(2);
      await expect(items.nth(0)).toContainText('Java');
      await expect(items.nth(1)).toContainText('Accepted');
    }
    expect((await editorText(bob.page.getByTestId('room-editor'))).includes('class Solution')).toBeTruthy();

    // The earlier run opens again from the list.
    await ada.page.getByTestId('run-list-item').nth(1).getByRole('button').click();
    await expect(ada.page.getByTestId('run-summary')).toContainText('Accepted');
    await ada.page.getByTestId('run-list-item').nth(0).getByRole('button').click();
    await expect(ada.page.getByTestId('run-summary')).toContainText('Wrong answer');

    // On a phone the results are the Run tab: readable, no sideways scroll, contrast in both schemes.
    await ada.page.setViewportSize(PHONE);
    await ada.page.getByRole('tablist', { name: 'Room' }).getByRole('tab', { name: 'Run', exact: true }).click();
    await expectNoSidewaysScroll(ada.page);
    await auditPage(ada.page, testInfo, 'room-run-results', { ready: ada.page.getByTestId('run-summary') });

    // Ada ends the session; both find the runs in the attempt.
    await ada.page.setViewportSize({ width: 1280, height: 720 });
    await ada.page.getByTestId('end-session-button').click();
    await ada.page.getByTestId('confirm-end-session').click();
    for (const { page } of [ada, bob]) {
      await expect(page.getByTestId('session-ended-banner')).toBeVisible({ timeout: 10_000 });
      await expect(page.getByTestId('run-button')).toHaveCount(0);
    }

    for (const { page } of [ada, bob]) {
      await page.goto('/history');
      const row = page.getByTestId('history-row').first();
      await expect(row.getByTestId('last-submission')).toContainText(/^Accepted \d+\/\d+ · Python/);
      await row.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
      const runs = page.getByTestId('attempt-runs');
      await expect(runs.getByTestId('run-list-item')).toHaveCount(2);
      await expect(runs.getByTestId('run-summary')).toContainText('Wrong answer');
      await runs.getByTestId('run-list-item').nth(1).getByRole('button').click();
      await expect(runs.getByTestId('run-summary')).toContainText('Accepted');
    }
    await auditPage(ada.page, testInfo, 'history-attempt-runs', { ready: ada.page.getByTestId('attempt-runs').getByTestId('run-summary') });
  });

  test('alone: a student solves a question in C++ on its page and finds it under "Your submissions" and in history', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    const solo = await signUp(browser, 'sol', 'x');
    const page = watchConsole(solo.page);
    const slug = [...solutionSlugs()].sort()[0];
    const question = await questionDetail(page, slug);

    await page.goto(`/questions/${slug}`);
    const practice = page.getByTestId('solo-practice');
    await openPractice(page);

    await practice.getByLabel('Language').selectOption('cpp');
    await expect(practice.getByTestId('solo-editor')).toHaveAttribute('data-language', 'cpp');
    await replaceEditorCode(page, practice.getByTestId('solo-editor'), readSolution(slug, 'cpp'));

    await practice.getByTestId('submit-button').click();
    await expect(practice.getByTestId('run-started-by')).toContainText('You submitted');
    await expect(practice.getByTestId('run-summary')).toContainText(/^Accepted \d+\/\d+/, { timeout: RESULT_TIMEOUT });
    const submissions = practice.getByRole('list', { name: 'Your submissions' });
    await expect(submissions.getByTestId('run-list-item').first()).toContainText('C++');
    await expect(submissions.getByTestId('run-list-item').first()).toContainText('Accepted');
    await auditPage(page, testInfo, 'question-solo-result', { ready: practice.getByTestId('run-summary') });

    // The code is kept in the browser: back on the page, C++ and the solution are still there, and so is the submission.
    await page.reload();
    await openPractice(page);
    await expect(practice.getByLabel('Language')).toHaveValue('cpp', { timeout: 30_000 });
    await expect.poll(() => editorText(practice.getByTestId('solo-editor'))).toContain(question.entryPoint.functionName);
    await expect(practice.getByRole('list', { name: 'Your submissions' }).getByTestId('run-list-item').first()).toContainText('Accepted');

    await page.goto('/history');
    const practiceRuns = page.getByTestId('practice-runs');
    await expect(practiceRuns.getByTestId('run-list-item').first()).toContainText(question.title);
    await expect(practiceRuns.getByTestId('run-list-item').first()).toContainText('Accepted');
    await practiceRuns.getByTestId('run-list-item').first().getByRole('button').click();
    await expect(practiceRuns.getByTestId('run-summary')).toContainText('Accepted');
  });

  test('a visitor is offered to sign in instead of an editor', async ({ page }) => {
    const slug = [...solutionSlugs()].sort()[0];
    await page.goto(`/questions/${slug}`);
    const link = page.getByRole('link', { name: 'Sign in to run your code' });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `/login?next=${encodeURIComponent(`/questions/${slug}`)}`);
    await expect(page.getByTestId('solo-editor')).toHaveCount(0);
  });
});
