import type { Participant } from '@peerprep/contracts';
import { awarenessUserOf, derivePresence, remotePeers } from './presence';
import { PARTICIPANT_COLORS } from './participant-colors';

const adaId = '11111111-1111-4111-8111-111111111111';
const bobId = '22222222-2222-4222-8222-222222222222';
const ada: Participant = { id: adaId, displayName: 'Ada' };
const bob: Participant = { id: bobId, displayName: 'Bob' };
const participants = [ada, bob];

describe('remotePeers', () => {
  it('lists the other clients with a well-formed user, ordered by client id', () => {
    const states = new Map<number, unknown>([
      [30, { user: { id: bobId, name: 'Bob', color: '#be185d' }, selection: null }],
      [10, { user: { id: ada.id, name: 'Ada', color: '#1d4ed8' } }],
      [20, { user: { id: bobId, name: 'Bob', color: '#be185d' } }],
      [40, { user: { id: 7 } }],
      [50, {}],
    ]);
    expect(remotePeers(states, 10)).toEqual([
      { clientId: 20, userId: bob.id },
      { clientId: 30, userId: bob.id },
    ]);
  });

  it('ignores states that are not objects', () => {
    expect(awarenessUserOf(null)).toBeNull();
    expect(awarenessUserOf('x')).toBeNull();
    expect(awarenessUserOf({ user: null })).toBeNull();
  });
});

describe('derivePresence', () => {
  const base = { participants, selfId: adaId, connected: true, online: new Set<string>(), everSeen: new Set<string>() };

  it('shows the partner as not joined until first seen, then online', () => {
    expect(derivePresence(base).map((row) => row.status)).toEqual(['online', 'notJoined']);
    expect(derivePresence({ ...base, online: new Set([bobId]), everSeen: new Set([bobId]) }).map((row) => row.status)).toEqual([
      'online',
      'online',
    ]);
  });

  it('shows the partner as left once gone from the awareness states after being seen', () => {
    expect(derivePresence({ ...base, everSeen: new Set([bobId]) })[1].status).toBe('left');
  });

  it('does not claim the partner left while this client is the one disconnected', () => {
    const rows = derivePresence({ ...base, connected: false, everSeen: new Set([bobId]) });
    expect(rows.map((row) => row.status)).toEqual(['unknown', 'unknown']);
  });

  it('marks the own row and gives each participant the colour of their position', () => {
    const rows = derivePresence(base);
    expect(rows.map((row) => row.isSelf)).toEqual([true, false]);
    expect(rows.map((row) => row.color)).toEqual([PARTICIPANT_COLORS[0], PARTICIPANT_COLORS[1]]);
  });

  it('treats a deleted account (null id) as never present', () => {
    const rows = derivePresence({ ...base, participants: [ada, { id: null, displayName: 'Deleted user' }] });
    expect(rows[1].status).toBe('notJoined');
  });
});
