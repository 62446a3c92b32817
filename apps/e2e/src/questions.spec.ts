import { expect, test, type APIRequestContext, type Browser, type Locator, type Page, type TestInfo } from './support/fixtures';

/** The first admin tools/platform/start.mjs creates (override when the platform was started with others). */
const ADMIN = {
  username: process.env.E2E_ADMIN_USERNAME ?? 'admin',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'peerprep-local-admin',
};
const PASSWORD = 'correct horse battery staple';

/** Unique per run: lower-case letters and digits, usable in a title, a slug and a username. */
function uniqueStamp(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

async function logInThroughForm(page: Page, identifier: string, password: string) {
  await page.getByRole('textbox', { name: 'Username or email' }).fill(identifier);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function signUpStudent(page: Page, stamp: string) {
  const username = `q_${stamp}`.slice(0, 20);
  await page.goto('/signup');
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Email' }).fill(`${username}@example.test`);
  await page.getByRole('textbox', { name: 'Display name' }).fill(`Student ${stamp.slice(-4)}`);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
}

async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { identifier: ADMIN.username, password: ADMIN.password } });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** A complete, valid QuestionInput with `statement`, for questions made through the API. */
function questionBody(title: string, statement: string) {
  const stub = '// write your solution here';
  return {
    title,
    statement,
    difficulty: 'EASY',
    topics: ['Arrays'],
    examples: [{ input: 'nums = [1, 2]', output: '3' }],
    constraints: ['1 ≤ nums.length ≤ 100'],
    hints: ['Add them up.'],
    starterCode: { javascript: stub, typescript: stub, python: '# write your solution here', java: stub, cpp: stub },
    entryPoint: { functionName: 'sumAll', params: [{ name: 'nums', type: 'int[]' }], returnType: 'int' },
    testCases: [{ args: [[1, 2]], expected: 3, hidden: false }],
  };
}

/** Light, then the same page in dark (reloaded, as a visitor with that system setting sees it): both get looked at. */
async function screenshotBothSchemes(page: Page, testInfo: TestInfo, name: string, ready: Locator) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    await expect(ready).toBeVisible();
    // A reload restores the scroll position; from the top, the sticky header sits where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('questions', () => {
  /** Questions a test made; whatever the test did not delete itself is deleted afterwards, even when it failed. */
  const made: string[] = [];

  test.afterEach(async ({ request }) => {
    if (made.length === 0) return;
    const token = await adminToken(request);
    for (const idOrSlug of made.splice(0)) {
      const response = await request.delete(`/api/questions/${idOrSlug}`, { headers: { Authorization: `Bearer ${token}` } });
      expect([204, 404]).toContain(response.status());
    }
  });

  test('an admin creates a question through the form, a student finds it by search and opens it, the admin deletes it', async ({ browser }, testInfo) => {
    const stamp = uniqueStamp();
    const title = `Pocket Change ${stamp}`;
    made.push(`pocket-change-${stamp}`);

    // Signed out, the admin page sends the visitor to log in and back.
    const admin = await newPage(browser);
    await admin.goto('/admin/questions/new');
    await expect(admin).toHaveURL(/\/login\?next=/);
    await logInThroughForm(admin, ADMIN.username, ADMIN.password);
    await expect(admin).toHaveURL(/\/admin\/questions\/new$/);
    await expect(admin.getByRole('heading', { name: 'New question' })).toBeVisible();

    // Checked in the browser first: nothing is sent while required fields are empty.
    await admin.getByRole('button', { name: 'Create question' }).click();
    await expect(admin.getByText('Add at least one')).toBeVisible();
    await expect(admin.getByRole('status').filter({ hasText: /fields need attention/ })).toBeVisible();

    // A title the seed bank already has: the server's 409 shows beside the title.
    await admin.getByRole('textbox', { name: 'Title' }).fill('Count the Islands');
    await expect(admin.getByRole('textbox', { name: 'Slug' })).toHaveValue('count-the-islands');
    const topics = admin.getByRole('combobox', { name: 'Topics' });
    await topics.fill('Arrays');
    await topics.press('Enter');
    await topics.fill(`Pocket Money ${stamp.slice(-3)}`);
    await topics.press('Enter');
    await admin.getByRole('textbox', { name: 'Statement (Markdown)' }).fill(
      'You hold `coins`, a list of coin values.\n\nReturn the **total** value of your pocket.\n\n| coins | total |\n|---|---|\n| [1, 2] | 3 |',
    );
    const preview = admin.getByRole('region', { name: 'Statement preview' });
    await expect(preview.locator('strong')).toHaveText('total');
    await expect(preview.locator('table')).toBeVisible();
    await admin.getByRole('textbox', { name: 'Example 1 input' }).fill('coins = [1, 2, 5]');
    await admin.getByRole('textbox', { name: 'Example 1 output' }).fill('8');
    await admin.getByRole('button', { name: 'Add constraint' }).click();
    await admin.getByRole('textbox', { name: 'Constraint 1' }).fill('1 ≤ coins.length ≤ 1000');
    await admin.getByRole('button', { name: 'Add hint' }).click();
    await admin.getByRole('textbox', { name: 'Hint 1' }).fill('Keep a running **sum**.');
    await admin.getByRole('textbox', { name: 'Function name' }).fill('pocketTotal');
    await admin.getByRole('button', { name: 'Add parameter' }).click();
    await admin.getByRole('textbox', { name: 'Parameter 1 name' }).fill('coins');
    await admin.getByRole('combobox', { name: 'Parameter 1 type' }).click();
    await admin.getByRole('option', { name: 'int[]', exact: true }).click();
    await admin.getByRole('textbox', { name: 'JavaScript starter code' }).fill('function pocketTotal(coins) {\n  \n}');
    // One wrong argument type: the schema names the field, the form shows it beside the arguments.
    await admin.getByRole('textbox', { name: 'Test 1 arguments (JSON list)' }).fill('[["1", 2, 5]]');
    await admin.getByRole('textbox', { name: 'Test 1 expected result (JSON)' }).fill('8');
    await admin.getByRole('button', { name: 'Create question' }).click();
    await expect(admin.getByText('Argument coins must be a int[]')).toBeVisible();
    await admin.getByRole('textbox', { name: 'Test 1 arguments (JSON list)' }).fill('[[1, 2, 5]]');
    await admin.getByRole('button', { name: 'Add test case' }).click();
    await admin.getByRole('textbox', { name: 'Test 2 arguments (JSON list)' }).fill('[[10]]');
    await admin.getByRole('textbox', { name: 'Test 2 expected result (JSON)' }).fill('10');
    await admin.getByRole('button', { name: 'Create question' }).click();
    await expect(admin.getByText('This title is already taken')).toBeVisible();
    await expect(admin.getByRole('alert').filter({ hasText: 'A question with this title or slug already exists' })).toBeVisible();
    await admin.screenshot({ path: testInfo.outputPath('admin-form-conflict-light.png'), fullPage: true });
    // The theme follows the system setting live, so the filled form can be seen in dark without a reload.
    await admin.emulateMedia({ colorScheme: 'dark' });
    await expect(admin.locator('html')).toHaveClass(/dark/);
    await admin.screenshot({ path: testInfo.outputPath('admin-form-conflict-dark.png'), fullPage: true });
    await admin.emulateMedia({ colorScheme: 'light' });

    await admin.getByRole('textbox', { name: 'Title' }).fill(title);
    await expect(admin.getByText('This title is already taken')).toHaveCount(0);
    await admin.getByRole('button', { name: 'Create question' }).click();
    await expect(admin).toHaveURL(new RegExp(`/questions/pocket-change-${stamp}$`));
    await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(admin.getByRole('link', { name: 'Edit' })).toBeVisible();

    // The rubric: a new question starts with the default four criteria. The admin rewords one, moves it
    // first, and adds one whose id follows its title; a repeated id is refused at that id.
    await admin.getByRole('link', { name: 'Edit' }).click();
    await expect(admin.getByRole('textbox', { name: 'Criterion 4 id' })).toHaveValue('testing');
    await admin.getByRole('textbox', { name: 'Criterion 4 name' }).fill('Testing the pocket');
    await admin.getByRole('textbox', { name: 'Criterion 4 description' }).fill('Tries an empty pocket and a single coin unprompted.');
    await admin.getByRole('button', { name: 'Move criterion 4 up' }).click();
    await admin.getByRole('button', { name: 'Move criterion 3 up' }).click();
    await admin.getByRole('button', { name: 'Move criterion 2 up' }).click();
    await admin.getByRole('button', { name: 'Add criterion' }).click();
    await admin.getByRole('textbox', { name: 'Criterion 5 name' }).fill('Coin Sense');
    await expect(admin.getByRole('textbox', { name: 'Criterion 5 id' })).toHaveValue('coin-sense');
    await admin.getByRole('textbox', { name: 'Criterion 5 id' }).fill('testing');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin.getByText('Criterion id "testing" is used twice')).toBeVisible();
    await admin.getByRole('textbox', { name: 'Criterion 5 id' }).fill('coin-sense');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await expect(admin).toHaveURL(new RegExp(`/questions/pocket-change-${stamp}$`));
    await admin.getByRole('link', { name: 'Edit' }).click();
    await expect(admin.getByRole('textbox', { name: 'Criterion 1 name' })).toHaveValue('Testing the pocket');
    await expect(admin.getByRole('textbox', { name: 'Criterion 1 id' })).toHaveValue('testing');
    await expect(admin.getByRole('textbox', { name: 'Criterion 1 description' })).toHaveValue('Tries an empty pocket and a single coin unprompted.');
    await expect(admin.getByRole('textbox', { name: 'Criterion 2 id' })).toHaveValue('problem-solving');
    await expect(admin.getByRole('textbox', { name: 'Criterion 5 name' })).toHaveValue('Coin Sense');
    await expect(admin.getByRole('textbox', { name: 'Hint 1' })).toHaveValue('Keep a running **sum**.');
    await admin.getByRole('region', { name: 'Rubric' }).screenshot({ path: testInfo.outputPath('admin-rubric.png') });

    // A student (a new account) searches for it and opens it.
    const student = await newPage(browser);
    await signUpStudent(student, stamp);
    await student.goto('/questions');
    await student.getByRole('searchbox', { name: 'Search questions' }).fill(`pocket change ${stamp}`);
    await expect(student).toHaveURL(/[?&]q=pocket(\+|%20)change/);
    const result = student.getByRole('list', { name: 'Questions' }).getByRole('link', { name: title });
    await expect(result).toBeVisible();
    await expect(student.getByTestId('questions-summary')).toHaveText('1–1 of 1 question');
    await student.screenshot({ path: testInfo.outputPath('student-search.png'), fullPage: true });
    await result.click();
    await expect(student.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(student.getByTestId('question-statement').locator('strong')).toHaveText('total');
    await expect(student.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    // Hints are the interviewer's to release: the question page has none, nor does the API answer a student any.
    await expect(student.getByRole('button', { name: 'Hint 1' })).toHaveCount(0);
    await expect(student.getByText('Keep a running')).toHaveCount(0);
    const studentLogin = await student.request.post('/api/auth/login', { data: { identifier: `q_${stamp}`.slice(0, 20), password: PASSWORD } });
    const { accessToken } = (await studentLogin.json()) as { accessToken: string };
    const asStudent = await student.request.get(`/api/questions/pocket-change-${stamp}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(asStudent.status()).toBe(200);
    expect(Object.keys((await asStudent.json()) as object)).toEqual(expect.not.arrayContaining(['hints', 'rubric', 'referenceSolutions']));
    await expect(student.getByRole('tabpanel')).toContainText('function pocketTotal(coins)');
    await screenshotBothSchemes(student, testInfo, 'question-page', student.getByRole('tabpanel'));

    // Students are not admins: the admin pages say so.
    await student.goto('/admin/questions');
    await expect(student.getByRole('heading', { name: '403 · Admins only' })).toBeVisible();

    // The admin deletes it, after confirming.
    await admin.goto('/admin/questions');
    await admin.getByRole('searchbox', { name: 'Search questions' }).fill(`pocket change ${stamp}`);
    await admin.getByRole('button', { name: `Delete ${title}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Delete “${title}”?` });
    await expect(dialog).toBeVisible();
    await admin.screenshot({ path: testInfo.outputPath('admin-delete-dialog.png') });
    await screenshotBothSchemes(admin, testInfo, 'admin-list', admin.getByRole('list', { name: 'Questions to manage' }));
    // The reload above closed the dialog: open it again and confirm.
    await admin.getByRole('searchbox', { name: 'Search questions' }).fill(`pocket change ${stamp}`);
    await admin.getByRole('button', { name: `Delete ${title}` }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(admin.getByRole('status').filter({ hasText: `“${title}” was deleted.` })).toBeVisible();
    await expect(admin.getByText(`No question matches “pocket change ${stamp}”.`)).toBeVisible();
  });

  test('a statement with <script> and <img onerror> renders inert on the question page and in the admin preview', async ({ page, request }, testInfo) => {
    const stamp = uniqueStamp();
    const statement = [
      'Harmless **bold** text.',
      '',
      '<script>window.__xss=1</script>',
      '',
      '<img src=x onerror="window.__xss=2">',
      '',
      'Inline <img src=y onerror="window.__xss=3"> and [a link](javascript:window.__xss=4).',
    ].join('\n');
    const token = await adminToken(request);
    const created = await request.post('/api/questions', {
      headers: { Authorization: `Bearer ${token}` },
      data: questionBody(`Inert Markup ${stamp}`, statement),
    });
    expect(created.status()).toBe(201);
    const { id, slug } = (await created.json()) as { id: string; slug: string };
    made.push(id);

    await page.goto(`/questions/${slug}`);
    const body = page.getByTestId('question-statement');
    await expect(body.locator('strong')).toHaveText('bold');
    // Shown as the characters typed, never as elements.
    await expect(body).toContainText('<script>window.__xss=1</script>');
    await expect(body).toContainText('<img src=x onerror="window.__xss=2">');
    await expect(page.locator('[data-testid="question-statement"] script')).toHaveCount(0);
    await expect(page.locator('img[onerror]')).toHaveCount(0);
    // The javascript: URL is gone: the link text stays, without an href to follow.
    await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.screenshot({ path: testInfo.outputPath('xss-question-page.png'), fullPage: true });

    // The admin's live preview uses the same renderer, client-side this time.
    await page.goto(`/admin/questions/${slug}/edit`);
    await logInThroughForm(page, ADMIN.username, ADMIN.password);
    const preview = page.getByRole('region', { name: 'Statement preview' });
    await expect(preview.locator('strong')).toHaveText('bold');
    await expect(preview).toContainText('<script>window.__xss=1</script>');
    await expect(page.locator('img[onerror]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.screenshot({ path: testInfo.outputPath('xss-admin-preview.png'), fullPage: true });

    // Saving it unchanged (a PUT of everything the editor loaded) leads back to the same, still inert, page.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/questions/${slug}$`));
    await expect(page.getByTestId('question-statement')).toContainText('<script>window.__xss=1</script>');
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  test('filters live in the URL: a reload keeps them and Back undoes the last one', async ({ page }, testInfo) => {
    // The list's requests: the API's, and any server render of the page (Next's RSC requests carry _rsc).
    const listRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/questions' || url.searchParams.has('_rsc')) listRequests.push(`${url.pathname}${url.search}`);
    });
    await page.goto('/questions');
    await expect(page.getByTestId('questions-summary')).toHaveText(/of \d+ questions/);
    // The first page arrives rendered with the page itself.
    expect(listRequests).toEqual([]);

    await page.getByRole('group', { name: 'Difficulty' }).getByRole('button', { name: 'Medium' }).click();
    await expect(page).toHaveURL(/\?difficulty=MEDIUM$/);
    // A filter is a new history entry and one API request, not a server render of the page.
    await expect.poll(() => listRequests).toEqual(['/api/questions?difficulty=MEDIUM&page=1&pageSize=20']);
    await page.getByRole('combobox', { name: 'Topics' }).click();
    await page.getByRole('option', { name: /^Arrays/ }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\?difficulty=MEDIUM&topics=arrays$/);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title (A–Z)' });
    await expect(page).toHaveURL(/\?difficulty=MEDIUM&topics=arrays&sort=title$/);

    const list = page.getByRole('list', { name: 'Questions' });
    await expect(list.getByRole('listitem').first()).toBeVisible();
    const titles = await list.getByRole('link').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));

    await page.reload();
    await expect(page.getByRole('group', { name: 'Difficulty' }).getByRole('button', { name: 'Medium' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Arrays' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title');
    await expect(list.getByRole('link')).toHaveText(titles);
    for (const chip of await list.getByRole('listitem').all()) {
      await expect(chip).toContainText('Medium');
    }
    await screenshotBothSchemes(page, testInfo, 'question-browser-filtered', list.getByRole('link').first());

    await page.goBack();
    await expect(page).toHaveURL(/\?difficulty=MEDIUM&topics=arrays$/);
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('');
  });
});
