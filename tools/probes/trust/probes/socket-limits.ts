// Item 4: limits on every socket. Frames past the limit, floods, and more
// sockets than one user needs, on the match status channel and the editor.
import { randomUUID } from 'node:crypto';
import type { ProbeContext } from '../lib/context';
import { EditorClient, MESSAGE } from '../lib/editor-client';
import { describeLive, describeOutcome, openSocket, sleep, within, type ProbeSocket } from '../lib/net';
import { connected, type RoomParty } from './server-owned';

const MIB = 1024 * 1024;
/** Past both channels' limits (status 1 KiB, editor 2 MiB) and far below ws's 100 MiB default, so a server without a limit reads it. */
const BIG_FRAME_BYTES = 4 * MIB;
/** One code insert over the room's limit (65 536 characters) that still fits in a frame. */
const OVER_CODE_LIMIT_CHARS = 100_000;

function statusSocket(ctx: ProbeContext, token: string, from: string): ProbeSocket {
  return openSocket(`${ctx.wsBase}/api/match/events`, ['peerprep', `bearer.${token}`], { from });
}

async function opened(socket: ProbeSocket, what: string): Promise<void> {
  if (!(await within(socket.opened, 10_000))) throw new Error(`${what} did not open: ${describeOutcome(socket.outcome())}`);
}

/** Sends, then gives the server `ms` to react; the outcome is how the socket ended, or that it is still open. */
async function afterSending(socket: ProbeSocket, send: () => void, ms = 3_000): Promise<string> {
  send();
  await within(socket.ended, ms);
  const outcome = describeLive(socket);
  socket.ws.terminate();
  return outcome;
}

/** Closed with a code, or the server's close frame received (not left open, not dropped), counts as refused. */
const refused = (outcome: string) => (outcome.startsWith('closed') && !outcome.startsWith('closed 1006')) || outcome.startsWith('closing');

export async function probeSocketLimits(ctx: ProbeContext, roomId: string, a: RoomParty, b: RoomParty): Promise<void> {
  // Status channel: one frame past any sane limit.
  {
    const socket = statusSocket(ctx, a.session.accessToken, a.from);
    await opened(socket, 'match status socket');
    const outcome = await afterSending(socket, () => socket.ws.send(Buffer.alloc(BIG_FRAME_BYTES, 0x61)));
    ctx.record({
      item: '4',
      probe: 'one 4 MiB frame to the match status socket',
      expected: 'closed 1009 (limit 1 KiB)',
      observed: outcome.startsWith('still open') ? 'read and kept open (no frame limit below 100 MiB)' : outcome,
      verdict: refused(outcome) ? 'SAFE' : 'UNSAFE',
    });
  }
  // Status channel: a flood of small messages.
  {
    const socket = statusSocket(ctx, a.session.accessToken, a.from);
    await opened(socket, 'match status socket');
    const outcome = await afterSending(socket, () => {
      for (let i = 0; i < 2_000; i += 1) socket.ws.send('{}');
    });
    ctx.record({
      item: '4',
      probe: 'flood: 2 000 messages at once to the match status socket',
      expected: 'closed 4430 (rate limited)',
      observed: outcome.startsWith('still open') ? 'all read, kept open' : outcome,
      verdict: refused(outcome) ? 'SAFE' : 'UNSAFE',
    });
  }
  // Status channel: sockets per user.
  {
    const sockets = Array.from({ length: 12 }, () => statusSocket(ctx, a.session.accessToken, a.from));
    await Promise.all(sockets.map((socket) => within(socket.opened, 10_000)));
    await sleep(1_500);
    const tooMany = sockets.filter((socket) => socket.outcome()?.code === 4429).length;
    const stillOpen = sockets.filter((socket) => !socket.outcome()).length;
    for (const socket of sockets) socket.ws.terminate();
    ctx.record({
      item: '4',
      probe: '12 match status sockets for one user',
      expected: 'at most 8 open, the rest closed 4429',
      observed: `${stillOpen} open, ${tooMany} closed 4429`,
      verdict: stillOpen <= 8 && tooMany > 0 ? 'SAFE' : 'UNSAFE',
    });
  }

  const observer = await connected(ctx, roomId, b);
  try {
    const codeLength = () => observer.doc.getText('code').length;
    // Editor: one valid document update of 4 MiB (a paste), past the frame limit.
    {
      const before = codeLength();
      const client = await connected(ctx, roomId, a);
      const outcome = await afterSending(client.socket, () => client.doc.getText('code').insert(0, 'x'.repeat(BIG_FRAME_BYTES)), 10_000);
      const grew = codeLength() - before;
      ctx.record({
        item: '4',
        probe: 'one 4 MiB document update (a paste) on the editor socket',
        expected: 'closed 1009 (limit 2 MiB), peer unchanged',
        observed: `${outcome}; peer's code grew by ${grew} chars`,
        verdict: grew === 0 && refused(outcome) ? 'SAFE' : 'UNSAFE',
      });
    }
    // Editor: a paste within the frame limit but over the room's code limit.
    {
      const before = codeLength();
      const client = await connected(ctx, roomId, a);
      const outcome = await afterSending(client.socket, () => client.doc.getText('code').insert(0, 'y'.repeat(OVER_CODE_LIMIT_CHARS)));
      const grew = codeLength() - before;
      ctx.record({
        item: '4',
        probe: `${OVER_CODE_LIMIT_CHARS} chars of code in one update (doc size cap)`,
        expected: 'closed 4413, peer unchanged',
        observed: `${outcome}; peer's code grew by ${grew} chars`,
        verdict: grew === 0 && refused(outcome) ? 'SAFE' : 'UNSAFE',
      });
    }
    // Editor: a chat line far over the length limit, both ways a client can try:
    // PeerPrep's chat message (101) and, where the chat is a plain shared array,
    // a line written into the document with its own author.
    {
      const longest = () =>
        Math.max(0, ...observer.doc.getArray<{ text?: unknown }>('chat').toArray().map((line) => (typeof line?.text === 'string' ? line.text.length : 0)));
      const viaMessage = await connected(ctx, roomId, a);
      const messageOutcome = await afterSending(viaMessage.socket, () => viaMessage.sendChat('c'.repeat(100_000)));
      const viaDocument = await connected(ctx, roomId, a);
      const documentOutcome = await afterSending(viaDocument.socket, () =>
        viaDocument.doc.getArray('chat').push([
          { id: randomUUID(), authorId: a.account.id, authorName: a.account.displayName, text: 'd'.repeat(100_000), sentAt: new Date().toISOString() },
        ]),
      );
      const length = longest();
      ctx.record({
        item: '4',
        probe: 'a 100 000-char chat line (message 101, then as a doc write)',
        expected: 'refused (4409 / 4422), no line over 2 000 chars',
        observed: `101: ${messageOutcome}; doc write: ${documentOutcome}; longest line at peer ${length} chars`,
        verdict: length <= 2_000 ? 'SAFE' : 'UNSAFE',
      });
    }
    // Editor: a flood of harmless messages (awareness queries: each makes the server answer).
    {
      const client = await connected(ctx, roomId, a);
      const query = Uint8Array.of(MESSAGE.queryAwareness);
      const outcome = await afterSending(client.socket, () => {
        for (let i = 0; i < 5_000; i += 1) client.send(query);
      });
      ctx.record({
        item: '4',
        probe: 'flood: 5 000 awareness queries at once on the editor socket',
        expected: 'closed 4430 (rate limited)',
        observed: outcome.startsWith('still open') ? 'all answered, kept open' : outcome,
        verdict: refused(outcome) ? 'SAFE' : 'UNSAFE',
      });
    }
    // Editor: sockets per user.
    {
      const clients = Array.from({ length: 20 }, () => new EditorClient(ctx.wsBase, roomId, a.session.accessToken, a.from));
      await Promise.all(clients.map((client) => client.ready(15_000)));
      await sleep(1_500);
      const tooMany = clients.filter((client) => client.socket.outcome()?.code === 4429).length;
      const stillOpen = clients.filter((client) => !client.socket.outcome()).length;
      for (const client of clients) client.close();
      ctx.record({
        item: '4',
        probe: '20 editor sockets for one user in one room',
        expected: 'at most 16 open, the rest closed 4429',
        observed: `${stillOpen} open, ${tooMany} closed 4429`,
        verdict: stillOpen <= 16 && tooMany > 0 ? 'SAFE' : 'UNSAFE',
      });
    }
  } finally {
    observer.close();
  }
}
