import { expect, test } from './support/fixtures';

test.describe('platform smoke', () => {
  test('the landing page says what PeerPrep is', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/PeerPrep/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await expect(page.locator('body')).toContainText(/match/i);
    await page.screenshot({ path: testInfo.outputPath('landing.png'), fullPage: true });
  });

  test('/favicon.ico answers with the icon (browsers ask for it unprompted; a 404 is a red console line)', async ({ request }) => {
    const icon = await request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
  });

  test('the framework\'s chunks carry V8\'s compile hint, the page\'s own do not (apps/frontend/scripts/compile-hints.cjs)', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map(([, src]) => src ?? '');
    const hinted = await Promise.all(
      scripts.map(async (src) => (await (await request.get(src)).text()).startsWith('//# allFunctionsCalledOnLoad\n')),
    );
    expect(hinted.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(hinted.filter((hint) => !hint).length).toBeGreaterThanOrEqual(1);
  });

  test('the gateway serves the API documentation through the frontend origin', async ({ page, request }, testInfo) => {
    const spec = await request.get('/api/docs/openapi.json');
    expect(spec.ok()).toBeTruthy();
    const document = (await spec.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/auth/login', '/questions']));

    await page.goto('/api/docs');
    await expect(page.locator('.swagger-ui')).toBeVisible();
    await expect(page.getByText('/auth/login', { exact: true }).first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('api-docs.png'), fullPage: true });
  });
});
