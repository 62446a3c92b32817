// Item 6: sign-out and a password change take effect: the access token of
// that session is refused and the user's open sockets are closed.
import { randomBytes } from 'node:crypto';
import { bearer, type ProbeContext, type Session } from '../lib/context';
import { EditorClient } from '../lib/editor-client';
import { describeOutcome, openSocket, sleep, within } from '../lib/net';
import type { RoomParty } from './server-owned';

/** The platform's promise is "within a second"; give it a little more. */
const TAKE_EFFECT_MS = 2_500;

async function openSockets(ctx: ProbeContext, roomId: string, session: Session, from: string) {
  const status = openSocket(`${ctx.wsBase}/api/match/events`, ['peerprep', `bearer.${session.accessToken}`], { from });
  const editor = new EditorClient(ctx.wsBase, roomId, session.accessToken, from);
  await within(status.opened, 10_000);
  await editor.ready();
  return { status, editor };
}

async function afterwards(ctx: ProbeContext, session: Session, from: string, sockets: Awaited<ReturnType<typeof openSockets>>) {
  await sleep(TAKE_EFFECT_MS);
  const me = await ctx.viaFrontend('/api/users/me', { from, headers: bearer(session.accessToken) });
  const result = {
    http: me.status,
    status: describeOutcome(sockets.status.outcome()),
    editor: describeOutcome(sockets.editor.socket.outcome()),
  };
  sockets.status.ws.terminate();
  sockets.editor.close();
  return result;
}

export async function probeRevocation(ctx: ProbeContext, roomId: string, a: RoomParty): Promise<void> {
  {
    const session = await ctx.logIn(a.account, a.from);
    const sockets = await openSockets(ctx, roomId, session, a.from);
    const logout = await ctx.viaFrontend('/api/auth/logout', {
      method: 'POST',
      from: a.from,
      headers: { ...bearer(session.accessToken), cookie: session.cookie },
    });
    const seen = await afterwards(ctx, session, a.from, sockets);
    ctx.record({
      item: '6',
      probe: 'access token after logout: GET /api/users/me',
      expected: '401',
      observed: `logout ${logout.status}; then ${seen.http}`,
      verdict: seen.http === 401 ? 'SAFE' : 'UNSAFE',
    });
    const closed = seen.status !== 'still open' && seen.editor !== 'still open';
    ctx.record({
      item: '6',
      probe: 'open status + editor sockets after logout',
      expected: 'both closed within seconds',
      observed: `status ${seen.status}; editor ${seen.editor}`,
      verdict: closed ? 'SAFE' : 'UNSAFE',
    });
  }
  {
    const session = await ctx.logIn(a.account, a.from);
    const sockets = await openSockets(ctx, roomId, session, a.from);
    const newPassword = `Probe-${randomBytes(12).toString('base64url')}`;
    const change = await ctx.viaFrontend('/api/users/me/password', {
      method: 'POST',
      from: a.from,
      headers: { ...bearer(session.accessToken), cookie: session.cookie },
      body: { currentPassword: a.account.password, newPassword },
    });
    if (change.status === 204 || change.status === 200) a.account.password = newPassword;
    const seen = await afterwards(ctx, session, a.from, sockets);
    ctx.record({
      item: '6',
      probe: 'access token after password change: GET /api/users/me',
      expected: '401',
      observed: `change ${change.status}; then ${seen.http}`,
      verdict: seen.http === 401 ? 'SAFE' : 'UNSAFE',
    });
    const closed = seen.status !== 'still open' && seen.editor !== 'still open';
    ctx.record({
      item: '6',
      probe: 'open status + editor sockets after password change',
      expected: 'both closed within seconds',
      observed: `status ${seen.status}; editor ${seen.editor}`,
      verdict: closed ? 'SAFE' : 'UNSAFE',
    });
  }
}
