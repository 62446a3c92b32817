import { expect, test, type Browser, type Page } from './support/fixtures';
import { auditPage, PHONE, watchConsole } from './support/page-audit';
import { busiestTopic, chooseCriteria, PAIR_PRACTICE, signUp } from './support/matching';

/**
 * Every page, as each kind of visitor sees it: on a 390 × 844 phone nothing
 * scrolls sideways (screenshots under test-results/…/screens), axe-core finds
 * no serious or critical WCAG 2.1 AA violation in light or dark at phone and
 * desktop size, and the console stays clean.
 */

const ADMIN = {
  username: process.env.E2E_ADMIN_USERNAME ?? 'admin',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'peerprep-local-admin',
};

/** A Medium question: its chip is the colour Lighthouse once flagged. */
async function mediumQuestionSlug(page: Page): Promise<string> {
  const response = await page.request.get('/api/questions?difficulty=MEDIUM&pageSize=1');
  expect(response.ok()).toBeTruthy();
  const { items } = (await response.json()) as { items: { slug: string }[] };
  if (!items[0]) throw new Error('The question bank has no Medium question');
  return items[0].slug;
}

async function newWatchedPage(browser: Browser): Promise<Page> {
  return watchConsole(await (await browser.newContext()).newPage());
}

test.describe('every page', () => {
  test('signed out: home, questions, a question, log in, sign up and the match redirect', async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const page = await newWatchedPage(browser);
    const slug = await mediumQuestionSlug(page);

    await page.goto('/');
    await auditPage(page, testInfo, 'home', { ready: page.getByRole('heading', { level: 1 }) });

    // The phone menu: a button that says whether it is open, with the same links as the desktop bar.
    await page.setViewportSize(PHONE);
    const menuButton = page.getByRole('button', { name: 'Navigation menu', exact: true });
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await menuButton.click();
    const menu = page.getByRole('navigation', { name: 'Main' });
    await expect(menu.getByRole('link', { name: 'Questions' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'API docs' })).toHaveCount(0);
    await auditPage(page, testInfo, 'home-menu', { ready: menu, phoneOnly: true });
    await page.setViewportSize(PHONE);
    await menu.getByRole('link', { name: 'Questions' }).click();
    await expect(page).toHaveURL(/\/questions$/);
    await expect(menu).toBeHidden();

    await auditPage(page, testInfo, 'questions', { ready: page.getByRole('list', { name: 'Questions' }).getByRole('link').first() });

    await page.goto(`/questions/${slug}`);
    await auditPage(page, testInfo, 'question', { ready: page.getByRole('tabpanel') });

    await page.goto('/login');
    await auditPage(page, testInfo, 'login', { ready: page.getByRole('form', { name: 'Log in' }) });

    await page.goto('/signup');
    await auditPage(page, testInfo, 'signup', { ready: page.getByRole('form', { name: 'Sign up' }) });

    await page.goto('/match');
    await expect(page).toHaveURL(/\/login\?next=%2Fmatch$/);
    await auditPage(page, testInfo, 'match-signed-out', { ready: page.getByRole('form', { name: 'Log in' }) });
    await page.context().close();
  });

  test('students: match, the room (each phone tab), the ended room, history, an attempt, questions and the account pages', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(300_000);
    const ada = await signUp(browser, 'ada', 'p');
    const bob = await signUp(browser, 'bob', 'p');
    watchConsole(ada.page);
    watchConsole(bob.page);
    const { topic, difficulty } = await busiestTopic(ada.page);

    // The form as it opens: a mock interview, its length asked too.
    await ada.page.goto('/match');
    await expect(ada.page.getByRole('button', { name: 'Mock interview' })).toHaveAttribute('aria-pressed', 'true');
    await expect(ada.page.getByRole('button', { name: '45 min' })).toHaveAttribute('aria-pressed', 'true');
    await auditPage(ada.page, testInfo, 'match-interview', { ready: ada.page.getByRole('form', { name: 'Match criteria' }) });
    // The room below is pair practice's.
    await chooseCriteria(ada.page, topic, difficulty, PAIR_PRACTICE);
    await auditPage(ada.page, testInfo, 'match', { ready: ada.page.getByRole('form', { name: 'Match criteria' }) });
    await ada.page.getByRole('form', { name: 'Match criteria' }).getByRole('button', { name: 'Find a partner' }).click();
    // Phone only: the request waits 30 s at most for Bob.
    await auditPage(ada.page, testInfo, 'match-waiting', { ready: ada.page.getByRole('region', { name: 'Finding you a partner' }), phoneOnly: true });
    await chooseCriteria(bob.page, topic, difficulty, PAIR_PRACTICE);
    await bob.page.getByRole('form', { name: 'Match criteria' }).getByRole('button', { name: 'Find a partner' }).click();

    for (const { page } of [ada, bob]) {
      const goToRoom = page.getByRole('link', { name: 'Go to room' });
      await expect(goToRoom).toBeVisible({ timeout: 15_000 });
      await goToRoom.click();
      await expect(page).toHaveURL(/\/rooms\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-connection', 'connected', { timeout: 15_000 });
    }
    await ada.page.getByTestId('chat-input').fill('Hash map first?');
    await ada.page.getByTestId('chat-input').press('Enter');
    await bob.page.getByTestId('chat-input').fill('Yes, one pass');
    await bob.page.getByTestId('chat-input').press('Enter');
    await expect(ada.page.getByTestId('chat-message-text')).toHaveText(['Hash map first?', 'Yes, one pass']);

    const room = ada.page;
    await auditPage(room, testInfo, 'room', { ready: room.getByTestId('room-question').getByRole('heading', { level: 1 }) });

    // On a phone the room is three tabs; the editor keeps a usable height.
    await room.setViewportSize(PHONE);
    const tabs = room.getByRole('tablist', { name: 'Room' });
    await tabs.getByRole('tab', { name: 'Code' }).click();
    const editor = room.getByTestId('room-editor');
    await expect(editor).toBeVisible();
    expect((await editor.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(PHONE.height * 0.5);
    await room.getByTestId('room-editor').locator('.view-lines').click();
    await room.keyboard.type('// typed on a phone\n');
    await expect.poll(async () => (await bob.page.getByTestId('room-editor').locator('.view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain(
      '// typed on a phone',
    );
    await auditPage(room, testInfo, 'room-code-tab', { ready: editor, phoneOnly: true });
    await room.setViewportSize(PHONE);
    await tabs.getByRole('tab', { name: 'Run', exact: true }).click();
    await auditPage(room, testInfo, 'room-run-tab', { ready: room.getByTestId('run-button'), phoneOnly: true });
    await room.setViewportSize(PHONE);
    await tabs.getByRole('tab', { name: /^Chat/ }).click();
    await auditPage(room, testInfo, 'room-chat-tab', { ready: room.getByTestId('chat-input'), phoneOnly: true });

    await room.getByTestId('end-session-button').click();
    await room.getByTestId('confirm-end-session').click();
    await expect(room.getByTestId('session-ended-banner')).toBeVisible({ timeout: 10_000 });
    await expect(bob.page.getByTestId('session-ended-banner')).toBeVisible({ timeout: 10_000 });
    await auditPage(room, testInfo, 'room-ended', { ready: room.getByTestId('session-ended-banner') });
    await auditPage(bob.page, testInfo, 'room-ended-peer', { ready: bob.page.getByTestId('session-ended-banner') });
    await bob.page.context().close();

    const page = ada.page;
    await page.goto('/history');
    const row = page.getByTestId('history-row').first();
    await auditPage(page, testInfo, 'history', { ready: row });
    await row.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
    await auditPage(page, testInfo, 'history-attempt', { ready: page.getByTestId('attempt-code').locator('.view-lines') });

    await page.goto('/questions');
    await auditPage(page, testInfo, 'questions-signed-in', { ready: page.getByRole('list', { name: 'Questions' }).getByRole('link').first() });
    await page.goto(`/questions/${await mediumQuestionSlug(page)}`);
    await auditPage(page, testInfo, 'question-signed-in', { ready: page.getByRole('tabpanel') });

    await page.goto('/profile');
    await auditPage(page, testInfo, 'profile', { ready: page.getByRole('form', { name: 'Account details' }) });
    await page.goto('/profile/password');
    await auditPage(page, testInfo, 'profile-password', { ready: page.getByRole('form', { name: 'Change password' }) });

    // The phone menu of a signed-in student also lists History.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Navigation menu', exact: true }).click();
    const menu = page.getByRole('navigation', { name: 'Main' });
    await expect(menu.getByRole('link', { name: 'History' })).toBeVisible();
    await auditPage(page, testInfo, 'menu-signed-in', { ready: menu, phoneOnly: true });
    await page.context().close();
  });

  test('admin: users, questions, a new question and an edit', async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const page = await newWatchedPage(browser);
    const slug = await mediumQuestionSlug(page);

    await page.goto('/login?next=%2Fadmin%2Fusers');
    await page.getByRole('textbox', { name: 'Username or email' }).fill(ADMIN.username);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await auditPage(page, testInfo, 'admin-users', { ready: page.getByTestId('user-row').first() });

    await page.goto('/admin/questions');
    await auditPage(page, testInfo, 'admin-questions', { ready: page.getByRole('list', { name: 'Questions to manage' }) });

    await page.goto('/admin/questions/new');
    await auditPage(page, testInfo, 'admin-question-new', { ready: page.getByRole('button', { name: 'Create question' }) });

    await page.goto(`/admin/questions/${slug}/edit`);
    await auditPage(page, testInfo, 'admin-question-edit', { ready: page.getByRole('button', { name: 'Save changes' }) });
    await page.context().close();
  });
});
