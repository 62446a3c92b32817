import { expect, test, type Page } from './support/fixtures';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FAKE_MEDIA_ARGS } from './support/chromium';
import { busiestTopic, matchIntoRoom, signUp } from './support/matching';
import { auditPage, PHONE, watchConsole } from './support/page-audit';

/**
 * The room's voice and video call (issue #18 item 5), between two real
 * Chromiums with fake devices (a beeping microphone, a test-pattern camera):
 * no TURN server runs with `npm start`, so the two pages connect over host
 * candidates, as two browsers on one machine do.
 */
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...FAKE_MEDIA_ARGS] } });

declare global {
  interface Window {
    /** Every RTCPeerConnection the page made, collected by the test (never by the app). */
    __peerConnections?: RTCPeerConnection[];
  }
}

/** Keeps each RTCPeerConnection the page creates, for getStats(); the app itself is untouched. */
async function collectPeerConnections(page: Page) {
  await page.context().grantPermissions(['microphone', 'camera']);
  await page.context().addInitScript(() => {
    const Original = window.RTCPeerConnection;
    const made: RTCPeerConnection[] = [];
    window.__peerConnections = made;
    window.RTCPeerConnection = class extends Original {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        made.push(this);
      }
    };
  });
}

/** Audio bytes received over every open peer connection of the page (inbound-rtp, kind audio). */
function audioBytesReceived(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report: { type: string; kind?: string; bytesReceived?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio') total += report.bytesReceived ?? 0;
      });
    }
    return total;
  });
}

const callState = (page: Page) => page.getByTestId('call-state');

test.describe('the room\'s call', () => {
  test('two students call each other: audio flows both ways, mute and camera show, the call ends with the session; the phone layout holds it', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const ada = await signUp(browser, 'ada', 'c');
    const bob = await signUp(browser, 'bob', 'c');
    for (const { page } of [ada, bob]) await collectPeerConnections(page);
    // Bob is on a phone: the room is tabs there, the call under "Chat & people".
    await bob.page.setViewportSize(PHONE);
    watchConsole(bob.page);
    const { topic, difficulty } = await busiestTopic(ada.page);
    await matchIntoRoom(ada.page, bob.page, topic, difficulty);

    // Not started: nothing asked of the microphone, and no call code loaded yet.
    await expect(callState(ada.page)).toHaveAttribute('data-state', 'idle');
    await expect(callState(ada.page)).toContainText('Not started');
    expect(await ada.page.evaluate(() => window.__peerConnections?.length ?? 0)).toBe(0);

    const startedAt = Date.now();
    await ada.page.getByTestId('call-start').click();
    await expect(callState(ada.page)).toContainText(`waiting for ${bob.displayName} to join`, { timeout: 15_000 });

    await bob.page.getByRole('tab', { name: /Chat & people/ }).click();
    const join = bob.page.getByTestId('call-start');
    await expect(join).toHaveText('Join call', { timeout: 10_000 });
    await expect(callState(bob.page)).toContainText(`${ada.displayName} is in the call`);
    await join.click();

    for (const { page } of [ada, bob]) {
      await expect(callState(page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await expect(callState(page)).toHaveText('Connected');
    }
    const connectedMs = Date.now() - startedAt;

    // Audio both ways: each side's inbound audio keeps growing.
    const first = { ada: 0, bob: 0 };
    await expect.poll(async () => (first.ada = await audioBytesReceived(ada.page)), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (first.bob = await audioBytesReceived(bob.page)), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => audioBytesReceived(ada.page), { timeout: 15_000 }).toBeGreaterThan(first.ada + 1000);
    await expect.poll(() => audioBytesReceived(bob.page), { timeout: 15_000 }).toBeGreaterThan(first.bob + 1000);
    const sampleStart = { ada: await audioBytesReceived(ada.page), bob: await audioBytesReceived(bob.page) };
    await ada.page.waitForTimeout(2000);
    const sampleEnd = { ada: await audioBytesReceived(ada.page), bob: await audioBytesReceived(bob.page) };
    testInfo.annotations.push({
      type: 'call',
      description: `connected ${connectedMs} ms after Start call; audio received in 2 s: Ada ${sampleEnd.ada - sampleStart.ada} B, Bob ${sampleEnd.bob - sampleStart.bob} B`,
    });
    console.log(testInfo.annotations.at(-1)?.description);

    // The call on a 390 px phone: no sideways scroll, no serious accessibility fault, no console error.
    await auditPage(bob.page, testInfo, 'room-call', { ready: bob.page.getByTestId('call-mute'), phoneOnly: true });
    await bob.page.setViewportSize(PHONE);

    // Mute: Ada's page says so, in words and on the button.
    await ada.page.getByTestId('call-mute').click();
    await expect(ada.page.getByTestId('call-mute')).toHaveAttribute('aria-pressed', 'true');
    await expect(ada.page.getByTestId('call-mute')).toHaveText('Unmute');
    await expect(callState(ada.page)).toContainText('You are muted');

    // Devices are listed once the microphone is allowed.
    await expect(ada.page.getByTestId('call-microphone').locator('option')).not.toHaveCount(0);

    // Ada's camera: Bob sees her video, then not once she turns it off.
    await ada.page.getByTestId('call-camera').click();
    await expect(ada.page.getByTestId('call-local-video')).toBeVisible({ timeout: 10_000 });
    await expect(bob.page.getByTestId('call-remote-video')).toBeVisible({ timeout: 20_000 });
    await expect
      .poll(() => bob.page.getByTestId('call-remote-video').evaluate((video: HTMLVideoElement) => video.videoWidth), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await ada.page.getByTestId('call-camera').click();
    await expect(ada.page.getByTestId('call-local-video')).toHaveCount(0);
    await expect(bob.page.getByTestId('call-remote-video')).toHaveCount(0, { timeout: 20_000 });
    await expect(callState(bob.page)).toHaveText('Connected');

    // Ending the session ends the call on both sides, and it cannot start again.
    await ada.page.getByTestId('end-session-button').click();
    await ada.page.getByTestId('confirm-end-session').click();
    for (const { page } of [ada, bob]) {
      await expect(page.getByTestId('session-ended-banner')).toBeVisible({ timeout: 10_000 });
      await expect(callState(page)).toHaveAttribute('data-state', 'ended', { timeout: 10_000 });
      await expect(callState(page)).toContainText('Call ended: the session ended.');
      await expect(page.getByTestId('call-again')).toBeDisabled();
      await expect
        .poll(() => page.evaluate(() => (window.__peerConnections ?? []).every((pc) => pc.connectionState === 'closed')))
        .toBe(true);
    }
  });
});
