import type { Participant } from '@peerprep/contracts';
import { participantColor } from './participant-colors';

/** What each user publishes in the editor's awareness (y-monaco adds `selection`). */
export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
}

/** The `user` field of one awareness state, when it has the expected shape. */
export function awarenessUserOf(state: unknown): AwarenessUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, color } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null;
  return { id, name, color };
}

/** Another client in the room: its Yjs client id and the user it claims to be. */
export interface RemotePeer {
  clientId: number;
  userId: string;
}

/** The other clients in the awareness states, ordered by client id (so equal sets compare equal). */
export function remotePeers(states: ReadonlyMap<number, unknown>, ownClientId: number): RemotePeer[] {
  const peers: RemotePeer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const user = awarenessUserOf(state);
    if (user) peers.push({ clientId, userId: user.id });
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

export type PresenceStatus = 'online' | 'left' | 'notJoined' | 'unknown';

export interface ParticipantPresence {
  participant: Participant;
  /** Position in the room's participant list: it fixes the colour. */
  index: number;
  color: string;
  isSelf: boolean;
  status: PresenceStatus;
}

export interface PresenceInput {
  participants: readonly Participant[];
  selfId: string;
  /** Whether this client's socket is connected: without it, nobody else's state is known. */
  connected: boolean;
  /** User ids in the awareness states of the other clients now. */
  online: ReadonlySet<string>;
  /** User ids seen in the room at any time since this page opened. */
  everSeen: ReadonlySet<string>;
}

/**
 * One row per participant: online now, left (was here, gone from the
 * awareness states), not joined yet (never seen), or unknown while this
 * client is itself disconnected (y-websocket drops every remote state then,
 * which must not read as "your partner left").
 */
export function derivePresence({ participants, selfId, connected, online, everSeen }: PresenceInput): ParticipantPresence[] {
  return participants.map((participant, index) => {
    const isSelf = participant.id === selfId;
    let status: PresenceStatus;
    if (!connected) status = 'unknown';
    else if (isSelf) status = 'online';
    else if (participant.id !== null && online.has(participant.id)) status = 'online';
    else if (participant.id !== null && everSeen.has(participant.id)) status = 'left';
    else status = 'notJoined';
    return { participant, index, color: participantColor(index), isSelf, status };
  });
}

export const PRESENCE_LABELS: Readonly<Record<PresenceStatus, string>> = {
  online: 'Online',
  left: 'Left the room',
  notJoined: 'Not joined yet',
  unknown: 'Unknown while reconnecting',
};
