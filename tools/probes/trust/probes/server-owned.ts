// Item 5: what the server decides, a participant's client must not write.
// Attacker A and observer B sit in the same room; each probe sends one forged
// write from A and looks at what B's document or awareness holds afterwards.
import { randomUUID } from 'node:crypto';
import type { Account, ProbeContext, Session } from '../lib/context';
import { EditorClient, ghostClientId } from '../lib/editor-client';
import { describeOutcome, sleep } from '../lib/net';

export interface RoomParty {
  account: Account;
  session: Session;
  from: string;
}

/** How long a forged write has to reach the peer (one hop through Redis at most). */
const SETTLE_MS = 2_000;

export async function connected(ctx: ProbeContext, roomId: string, party: RoomParty): Promise<EditorClient> {
  const client = new EditorClient(ctx.wsBase, roomId, party.session.accessToken, party.from);
  const failed = await client.ready();
  if (failed) throw new Error(`editor socket of ${party.account.username}: ${describeOutcome(failed)}`);
  return client;
}

async function forgedWrite(
  ctx: ProbeContext,
  roomId: string,
  attacker: RoomParty,
  observer: EditorClient,
  write: (client: EditorClient) => void,
  landed: () => string | undefined,
): Promise<{ landed?: string; attackerSocket: string }> {
  const client = await connected(ctx, roomId, attacker);
  write(client);
  await sleep(SETTLE_MS);
  const result = { landed: landed(), attackerSocket: describeOutcome(client.socket.outcome()) };
  client.close();
  return result;
}

export async function probeServerOwnedState(ctx: ProbeContext, roomId: string, a: RoomParty, b: RoomParty): Promise<void> {
  const observer = await connected(ctx, roomId, b);
  try {
    const fakeEnd = await forgedWrite(
      ctx,
      roomId,
      a,
      observer,
      (client) => client.doc.getMap('meta').set('endedBy', b.account.id),
      () => {
        const endedBy = observer.doc.getMap('meta').get('endedBy');
        return endedBy === undefined ? undefined : `peer's doc has meta.endedBy=${String(endedBy).slice(0, 8)}…`;
      },
    );
    ctx.record({
      item: '5',
      probe: 'A writes meta.endedBy into the Yjs doc (fake end)',
      expected: 'write refused (4422), peer never sees it',
      observed: `${fakeEnd.landed ?? 'peer never saw it'}; A's socket ${fakeEnd.attackerSocket}`,
      verdict: fakeEnd.landed ? 'UNSAFE' : 'SAFE',
    });

    const marker = `probe forged line ${ctx.runId}`;
    const forgedChat = await forgedWrite(
      ctx,
      roomId,
      a,
      observer,
      (client) =>
        client.doc.getArray('chat').push([
          { id: randomUUID(), authorId: b.account.id, authorName: b.account.displayName, text: marker, sentAt: new Date().toISOString() },
        ]),
      () => {
        const line = observer.doc
          .getArray<{ authorId?: string; text?: string }>('chat')
          .toArray()
          .find((entry) => entry?.text === marker);
        return line ? `peer's chat shows the line as authored by ${line.authorId === b.account.id ? 'the peer itself' : String(line.authorId)}` : undefined;
      },
    );
    ctx.record({
      item: '5',
      probe: "A writes a chat line with the peer's id/name as author",
      expected: 'write refused (4422), no forged line',
      observed: `${forgedChat.landed ?? 'no forged line reached the peer'}; A's socket ${forgedChat.attackerSocket}`,
      verdict: forgedChat.landed ? 'UNSAFE' : 'SAFE',
    });

    const ghost = ghostClientId();
    const ghostPeer = await forgedWrite(
      ctx,
      roomId,
      a,
      observer,
      (client) => client.sendAwarenessFor(ghost, { user: { id: b.account.id, name: 'Ghost peer', color: '#ff0000' } }),
      () => (observer.awareness.getStates().has(ghost) ? `peer's awareness lists ghost client ${ghost} named as the peer` : undefined),
    );
    ctx.record({
      item: '5',
      probe: 'A sends awareness for a new client id naming the peer (ghost peer)',
      expected: 'refused (4422), no ghost cursor',
      observed: `${ghostPeer.landed ?? 'no ghost reached the peer'}; A's socket ${ghostPeer.attackerSocket}`,
      verdict: ghostPeer.landed ? 'UNSAFE' : 'SAFE',
    });

    const longName = 'N'.repeat(10_000);
    const oversized = await forgedWrite(
      ctx,
      roomId,
      a,
      observer,
      (client) => client.sendAwarenessFor(client.doc.clientID, { user: { id: a.account.id, name: longName, color: '#00aa00' } }),
      () => {
        for (const state of observer.awareness.getStates().values()) {
          const name = (state as { user?: { name?: unknown } }).user?.name;
          if (typeof name === 'string' && name.length > 50) return `peer holds an awareness name of ${name.length} chars`;
        }
        return undefined;
      },
    );
    ctx.record({
      item: '5',
      probe: 'A sets its own awareness name to 10 000 chars',
      expected: 'refused (4422), name ≤ 50 chars',
      observed: `${oversized.landed ?? 'no oversized name reached the peer'}; A's socket ${oversized.attackerSocket}`,
      verdict: oversized.landed ? 'UNSAFE' : 'SAFE',
    });
  } finally {
    observer.close();
  }
}
