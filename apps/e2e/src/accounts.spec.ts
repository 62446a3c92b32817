import { expect, test, type Page } from './support/fixtures';

/** Unique per run, within the username rules (3–20 letters, digits, underscores). */
function uniqueUsername(): string {
  const stamp = Date.now().toString(36);
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `e2e_${stamp}${random}`.slice(0, 20);
}

const PASSWORD = 'correct horse battery staple';
/** The first admin tools/platform/start.mjs creates (override when the platform was started with others). */
const ADMIN = {
  username: process.env.E2E_ADMIN_USERNAME ?? 'admin',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'peerprep-local-admin',
};

function signedInName(page: Page) {
  return page.getByTestId('signed-in-name');
}

async function openAccountMenu(page: Page) {
  await page.getByRole('button', { name: /^Account menu for/ }).click();
}

async function logInThroughForm(page: Page, identifier: string, password: string) {
  await page.getByRole('textbox', { name: 'Username or email' }).fill(identifier);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function fillSignup(page: Page, user: { username: string; email: string; displayName: string }) {
  await page.getByRole('textbox', { name: 'Username' }).fill(user.username);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Display name' }).fill(user.displayName);
  await page.getByLabel(/^Password/).fill(PASSWORD);
}

test.describe('accounts', () => {
  test('sign up, stay signed in across a reload, edit the profile, log out, log back in, delete the account', async ({ page }, testInfo) => {
    const username = uniqueUsername();
    const user = { username, email: `${username}@example.test`, displayName: `Ada ${username.slice(-4)}` };

    await page.goto('/signup');
    await fillSignup(page, user);
    await page.screenshot({ path: testInfo.outputPath('01-signup-filled.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sign up' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(signedInName(page)).toHaveText(user.displayName);

    // The access token lives only in memory: a reload must restore the session from the refresh cookie.
    await page.reload();
    await expect(signedInName(page)).toHaveText(user.displayName);
    await page.screenshot({ path: testInfo.outputPath('02-signed-in-after-reload.png'), fullPage: true });

    await openAccountMenu(page);
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await expect(page).toHaveURL(/\/profile$/);
    const displayName = page.getByRole('textbox', { name: 'Display name' });
    await expect(displayName).toHaveValue(user.displayName);
    const renamed = `Ada Lovelace ${username.slice(-4)}`;
    await displayName.fill(renamed);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your profile was saved.' })).toBeVisible();
    await expect(signedInName(page)).toHaveText(renamed);
    await page.screenshot({ path: testInfo.outputPath('03-profile-saved.png'), fullPage: true });

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Display name' })).toHaveValue(renamed);

    await openAccountMenu(page);
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
    await expect(signedInName(page)).toHaveCount(0);

    // Logged out for real: the cookie was revoked, so a reload does not sign back in.
    await page.reload();
    await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

    // A protected page sends a visitor to the login page and back again afterwards.
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
    await logInThroughForm(page, user.email, PASSWORD);

    await expect(page).toHaveURL(/\/profile$/);
    await expect(signedInName(page)).toHaveText(renamed);
    await expect(page.getByRole('textbox', { name: 'Display name' })).toHaveValue(renamed);
    await page.screenshot({ path: testInfo.outputPath('05-back-on-profile.png'), fullPage: true });

    // Deleting the account needs the password again; afterwards the credentials are dead.
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByLabel(/^Password/).fill('not the password');
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    await expect(dialog.getByLabel(/^Password/)).toHaveAccessibleDescription('The password is incorrect');
    await page.screenshot({ path: testInfo.outputPath('06-delete-wrong-password.png') });
    await dialog.getByLabel(/^Password/).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

    await page.goto('/login');
    await logInThroughForm(page, user.email, PASSWORD);
    await expect(page.getByRole('form', { name: 'Log in' }).getByRole('alert')).toContainText('do not match an account');
  });

  test('a taken username is named beside its field, and wrong credentials get one generic message', async ({
    page,
    request,
  }, testInfo) => {
    const username = uniqueUsername();
    const taken = await request.post('/api/auth/signup', {
      data: { username, email: `${username}@example.test`, password: PASSWORD },
    });
    expect(taken.status()).toBe(201);

    await page.goto('/signup');
    await fillSignup(page, { username: username.toUpperCase(), email: `other_${username}@example.test`, displayName: 'Copycat' });
    await page.getByRole('button', { name: 'Sign up' }).click();

    const usernameField = page.getByRole('textbox', { name: 'Username' });
    await expect(usernameField).toHaveAttribute('aria-invalid', 'true');
    await expect(usernameField).toHaveAccessibleDescription(/already taken/i);
    await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'false');
    await expect(signedInName(page)).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('07-signup-conflict.png'), fullPage: true });

    await page.goto('/login');
    await logInThroughForm(page, username, 'not the password');
    await expect(page.getByRole('form', { name: 'Log in' }).getByRole('alert')).toHaveText('That username or email and password do not match an account.');
    await page.screenshot({ path: testInfo.outputPath('08-login-rejected.png'), fullPage: true });
  });

  test('an admin finds a user and makes them admin; a plain user gets a 403 page', async ({ browser, request }, testInfo) => {
    const username = uniqueUsername();
    const created = await request.post('/api/auth/signup', {
      data: { username, email: `${username}@example.test`, password: PASSWORD },
    });
    expect(created.status()).toBe(201);

    const studentContext = await browser.newContext();
    const student = await studentContext.newPage();
    await student.goto('/login?next=%2Fadmin%2Fusers');
    await logInThroughForm(student, username, PASSWORD);
    await expect(student.getByRole('heading', { name: '403 · Admins only' })).toBeVisible();

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto('/admin/users');
    await expect(admin).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await logInThroughForm(admin, ADMIN.username, ADMIN.password);
    await expect(admin).toHaveURL(/\/admin\/users$/);
    await admin.getByRole('searchbox', { name: 'Search users' }).fill(username);
    const table = admin.getByRole('table', { name: 'Users' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await table.getByRole('combobox', { name: `Role of ${username}` }).selectOption({ label: 'Admin' });
    await expect(admin.getByRole('status').filter({ hasText: `${username} is now an admin.` })).toBeVisible();
    await admin.screenshot({ path: testInfo.outputPath('09-admin-promoted.png'), fullPage: true });

    // The student's next token carries the new role: after a reload the page opens.
    await student.reload();
    await expect(student.getByRole('heading', { name: 'Manage users' })).toBeVisible();
    await studentContext.close();
    await adminContext.close();
  });
});
