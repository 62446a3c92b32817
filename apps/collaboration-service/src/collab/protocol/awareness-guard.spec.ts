import { COLLAB_CLOSE_CODES } from '@peerprep/contracts';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkAwarenessUpdate, readAwarenessEntries, type AwarenessOwnership } from './awareness-guard';

const alice = 'a1111111-1111-4111-8111-111111111111';
const bob = 'b2222222-2222-4222-8222-222222222222';

/** The awareness update a client with `clientId` sends for `state`. */
function entriesFor(clientId: number, state: Record<string, unknown> | null, { clock = 1 } = {}) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  for (let i = 1; i < clock; i++) awareness.setLocalState({ i });
  awareness.setLocalState(state);
  const entries = readAwarenessEntries(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
  awareness.destroy();
  doc.destroy();
  return entries;
}

/** Alice's connection owning `owned`; client 7 is Bob's (on this replica or another). */
const aliceOwning = (...owned: number[]): AwarenessOwnership => ({
  userId: alice,
  owned: new Set(owned),
  ownerOf: (clientId) => (clientId === 7 ? bob : owned.includes(clientId) ? alice : undefined),
  // Client 7's state is at clock 1 here.
  changes: (entry) => entry.clientId !== 7 || entry.clock > 1,
});

const user = (overrides: Record<string, unknown> = {}) => ({ user: { id: alice, name: 'Alice', color: '#e91e63', ...overrides } });
const refused = (reason: RegExp) => ({ ok: false, code: COLLAB_CLOSE_CODES.writeRefused, reason: expect.stringMatching(reason) });

describe('checkAwarenessUpdate: each connection writes its own awareness only', () => {
  it('reads what y-protocols encodes', () => {
    expect(entriesFor(5, user())).toEqual([{ clientId: 5, clock: 1, state: user(), bytes: JSON.stringify(user()).length }]);
  });

  it('takes a new client id, its own, its own removal, and a cursor beside the user', () => {
    expect(checkAwarenessUpdate(entriesFor(5, user()), aliceOwning())).toEqual({ ok: true });
    expect(checkAwarenessUpdate(entriesFor(5, { ...user(), selection: { anchor: 1, head: 2 } }), aliceOwning(5))).toEqual({ ok: true });
    expect(checkAwarenessUpdate(entriesFor(5, null), aliceOwning(5))).toEqual({ ok: true });
    expect(checkAwarenessUpdate(entriesFor(5, {}), aliceOwning())).toEqual({ ok: true });
  });

  it("refuses writing or removing another user's client (a ghost or a moved cursor)", () => {
    expect(checkAwarenessUpdate(entriesFor(7, { user: { id: bob, name: 'Bob', color: '#000' } }, { clock: 2 }), aliceOwning(5))).toEqual(
      refused(/belongs to another user/),
    );
    expect(checkAwarenessUpdate(entriesFor(7, null, { clock: 2 }), aliceOwning(5))).toEqual(refused(/belongs to another user/));
  });

  it('refuses a state naming another user, an oversized name or state, and a state that is no object', () => {
    expect(checkAwarenessUpdate(entriesFor(5, { user: { id: bob, name: 'Bob', color: '#000' } }), aliceOwning())).toEqual(refused(/user\.id must be the connection's user/));
    expect(checkAwarenessUpdate(entriesFor(5, user({ name: 'A'.repeat(51) })), aliceOwning())).toEqual(refused(/name must be at most 50/));
    expect(checkAwarenessUpdate(entriesFor(5, user({ color: 'x'.repeat(40) })), aliceOwning())).toEqual(refused(/color/));
    expect(checkAwarenessUpdate(entriesFor(5, { ...user(), junk: 'x'.repeat(3000) }), aliceOwning())).toEqual(refused(/at most 2048 bytes/));
    expect(checkAwarenessUpdate([{ clientId: 5, clock: 1, state: [1], bytes: 3 }], aliceOwning())).toEqual(refused(/is an object/));
  });

  it("lets through an echo of another user's state that changes nothing (y-websocket clients echo what they receive)", () => {
    const echo = entriesFor(7, { user: { id: bob, name: 'Bob', color: '#000' } });
    expect(echo[0].clock).toBe(1);
    expect(checkAwarenessUpdate(echo, aliceOwning(5))).toEqual({ ok: true });
  });

  it('refuses a third client id on one connection', () => {
    expect(checkAwarenessUpdate(entriesFor(6, user()), aliceOwning(5))).toEqual({ ok: true });
    expect(checkAwarenessUpdate(entriesFor(9, user()), aliceOwning(5, 6))).toEqual(refused(/at most 2 awareness clients/));
  });
});
