import {
  interviewViewSchema,
  releasedHintSchema,
  ROOM_CALL_SIGNAL_MESSAGE_TYPE,
  ROOM_HINT_MESSAGE_TYPE,
  ROOM_INTERVIEW_MESSAGE_TYPE,
  ROOM_RUN_MESSAGE_TYPE,
  runViewSchema,
  WEBSOCKET_CLOSE_CODES,
  type CallSignal,
  type CallSignalEnvelope,
  type ChatMessage,
  type InterviewView,
  type Language,
  type ReleasedHint,
  type RoundIndex,
  type RunView,
  type StarterCode,
} from '@peerprep/contracts';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeCallSignal, encodeCallSignal, peerInCallAfter } from '../calls/call-signals';
import { checkChatDraft, encodeChatMessage, readChatMessages, type ChatRefusal } from './chat';
import { upsertRuns } from '../runs/run-list';
import { remotePeers, type AwarenessUser, type RemotePeer } from './presence';
import { mergeHints, newerView, type DocumentRound } from './interview-state';
import { readDocumentRound, readEndedBy, readLanguage, roomDocumentParts, switchLanguage, type RoomDocumentParts } from './room-document';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

export interface RoomSessionSnapshot {
  readonly connection: ConnectionStatus;
  /** The document has synced with the server at least once (before that it is empty, not "untouched"). */
  readonly synced: boolean;
  readonly language: Language | null;
  /** A mock interview's round-two language (null until the server starts round two, and in pair rooms). */
  readonly round2Language: Language | null;
  /** A mock interview's `meta.round`: the round whose code may be written now (0: none); null in pair rooms. */
  readonly documentRound: DocumentRound | null;
  readonly endedBy: string | null;
  /** A mock interview's rounds as the server last pushed them (message 103); null in pair rooms and until the first. */
  readonly interview: InterviewView | null;
  /** Hints the interviewer released, by round then index (message 104 and `GET /rooms/:id/interview/hints`). */
  readonly hints: readonly ReleasedHint[];
  readonly chat: readonly ChatMessage[];
  readonly peers: readonly RemotePeer[];
  /** User ids seen among the other clients since this page opened, for "left" vs "not joined yet". */
  readonly everSeen: ReadonlySet<string>;
  /** The server refused the room for good (a 4400–4499 close): y-websocket stops retrying. */
  readonly refused: { code: number; reason: string } | null;
  /** The room's runs, newest first: from the server's run messages and `GET /rooms/:id/runs`. */
  readonly runs: readonly RunView[];
  /** Counts the socket's (re)connections: the page fetches the runs again at each, for what it missed while away. */
  readonly connections: number;
  /** The other participant's page is in the call (the join it announced), as far as this page heard: null when not. */
  readonly peerCallJoin: string | null;
}

export interface RoomSessionOptions {
  roomId: string;
  /** `<gateway ws base>/api/collab`: y-websocket appends `/<roomId>`. */
  serverUrl: string;
  self: AwarenessUser;
  /**
   * A valid access token (the session store refreshes it ahead of expiry, or
   * at once with `fresh`), or null once signed out.
   */
  getToken(options?: { fresh?: boolean }): Promise<string | null>;
  protocolsFor(token: string): string[];
  /** Tests pass a fake; the browser's WebSocket otherwise. */
  WebSocketPolyfill?: typeof WebSocket;
}

/** Before any session exists (and what a fresh session starts from). */
export const INITIAL_ROOM_SNAPSHOT: RoomSessionSnapshot = {
  connection: 'connecting',
  synced: false,
  language: null,
  round2Language: null,
  documentRound: null,
  endedBy: null,
  interview: null,
  hints: [],
  chat: [],
  peers: [],
  everSeen: new Set(),
  refused: null,
  runs: [],
  connections: 0,
  peerCallJoin: null,
};

const samePeers = (a: readonly RemotePeer[], b: readonly RemotePeer[]) =>
  a.length === b.length && a.every((peer, index) => peer.clientId === b[index].clientId && peer.userId === b[index].userId);

/**
 * One open collaboration room: the Yjs document, the official y-websocket
 * provider on it, and a snapshot of what the page shows, framework-free so
 * React reads it with useSyncExternalStore and tests drive it with a fake
 * socket. Create it in an effect and `destroy()` it in the cleanup: under
 * StrictMode the first instance is destroyed before the second exists.
 *
 * Access tokens expire: y-websocket reads `provider.protocols` each time it
 * opens a socket, so after every close this puts a fresh token there before
 * the (backed-off) reconnect.
 */
export class RoomSession {
  readonly doc = new Y.Doc();
  readonly parts: RoomDocumentParts;
  readonly provider: WebsocketProvider;
  private snapshot: RoomSessionSnapshot = INITIAL_ROOM_SNAPSHOT;
  private readonly listeners = new Set<() => void>();
  private everConnected = false;
  private destroyed = false;
  private readonly cleanups: (() => void)[] = [];
  private readonly callListeners = new Set<(envelope: CallSignalEnvelope) => void>();

  constructor(private readonly options: RoomSessionOptions) {
    this.parts = roomDocumentParts(this.doc);
    this.provider = new WebsocketProvider(options.serverUrl, options.roomId, this.doc, {
      connect: false,
      // Only the server may relay edits: it enforces membership and drops writes after the end.
      disableBc: true,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    this.provider.awareness.setLocalStateField('user', options.self);
    this.listen();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RoomSessionSnapshot => this.snapshot;

  get awareness() {
    return this.provider.awareness;
  }

  /**
   * Opens the socket with `token`, or first fetches one (then not when
   * destroyed or signed out meanwhile).
   */
  async start(token?: string): Promise<void> {
    if (token) this.provider.protocols = this.options.protocolsFor(token);
    if (token || (await this.refreshProtocols())) this.provider.connect();
  }

  /** Leaves the room: the peer sees this client go at once, then everything is released. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.cleanups.forEach((cleanup) => cleanup());
    this.listeners.clear();
    this.callListeners.clear();
    removeAwarenessStates(this.provider.awareness, [this.doc.clientID], 'page left');
    this.provider.destroy();
    this.doc.destroy();
  }

  /**
   * Sends a chat line to the server, which stamps it with this user and the
   * time and appends it to the shared chat (it arrives here with the
   * document). Refused here, before the server would, when the session has
   * ended, the page is not connected, or the text or the chat is past its
   * limit.
   */
  sendChat(text: string): { ok: true } | { ok: false; reason: ChatRefusal } {
    if (this.over) return { ok: false, reason: 'ended' };
    const draft = checkChatDraft(text, this.snapshot.chat.length);
    if (!draft.ok) return draft;
    const socket = this.provider.ws;
    if (!this.provider.wsconnected || socket === null) return { ok: false, reason: 'offline' };
    socket.send(encodeChatMessage(draft.text));
    return { ok: true };
  }

  /**
   * Sends a call signal to the other participant (the server stamps this
   * user as its sender). False when the page is not connected: the call
   * waits for the socket like everything else.
   */
  sendCallSignal(signal: CallSignal): boolean {
    const socket = this.provider.ws;
    if (!this.provider.wsconnected || socket === null) return false;
    socket.send(encodeCallSignal(signal));
    return true;
  }

  /** Every call signal the other participant sends, until the returned function is called. */
  onCallSignal(listener: (envelope: CallSignalEnvelope) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** Upserts runs from `GET /rooms/:id/runs` (never moving one backwards: see upsertRuns). */
  receiveRuns(runs: readonly RunView[]): void {
    this.update({ runs: upsertRuns(this.snapshot.runs, runs) });
  }

  /**
   * Switches the shared language (and untouched starter code) of `round`'s
   * code (pair rooms: 1, the room's); only after the first sync, and in a
   * mock interview only while that round's code may be written (the server
   * would close the socket otherwise).
   */
  setLanguage(next: Language, starterCode: StarterCode, round: RoundIndex = 1) {
    const { documentRound } = this.snapshot;
    if (!this.snapshot.synced || this.over || (documentRound !== null && documentRound !== round)) return { changed: false, codeReplaced: false };
    return switchLanguage(this.doc, next, starterCode, round);
  }

  /** A view of the interview from elsewhere (`GET /rooms/:id/interview`, the answer of ending a round): the later one wins. */
  receiveInterview(view: InterviewView): void {
    this.update({ interview: newerView(this.snapshot.interview, view) });
  }

  /** Released hints from `GET /rooms/:id/interview/hints` (each kept once). */
  receiveHints(hints: readonly ReleasedHint[]): void {
    this.update({ hints: mergeHints(this.snapshot.hints, hints) });
  }

  /** The session is over for good: ended by a user, or a mock interview finished (which sets no `endedBy`). */
  get over(): boolean {
    return this.snapshot.endedBy !== null || this.snapshot.interview?.phase === 'finished';
  }

  /** Puts a fresh token into the subprotocols (`fresh`: a newly refreshed one); false when there is none (signed out) or destroyed. */
  private async refreshProtocols(fresh = false): Promise<boolean> {
    let token: string | null;
    try {
      token = await this.options.getToken(fresh ? { fresh } : undefined);
    } catch {
      // A refresh that failed on the network: the next close tries again; the old token may still do.
      return !this.destroyed;
    }
    if (this.destroyed) return false;
    if (!token) {
      this.provider.disconnect();
      this.update({ connection: 'stopped' });
      return false;
    }
    this.provider.protocols = this.options.protocolsFor(token);
    return true;
  }

  private listen(): void {
    const { provider, parts } = this;

    // The server's run message (never sent by a client): a RunView as JSON. A
    // malformed one is dropped; the next message or list fetch brings the run.
    provider.messageHandlers[ROOM_RUN_MESSAGE_TYPE] = (_encoder, decoder) => {
      let run: RunView;
      try {
        run = runViewSchema.parse(JSON.parse(decoding.readVarString(decoder)));
      } catch (error) {
        console.warn('Ignored a malformed run message', error);
        return;
      }
      this.receiveRuns([run]);
    };

    // A mock interview's rounds, pushed by the server on every change and on
    // connect. A malformed one is dropped: the page fetches the view again at
    // each reconnect.
    provider.messageHandlers[ROOM_INTERVIEW_MESSAGE_TYPE] = (_encoder, decoder) => {
      try {
        this.receiveInterview(interviewViewSchema.parse(JSON.parse(decoding.readVarString(decoder))));
      } catch (error) {
        console.warn('Ignored a malformed interview message', error);
      }
    };

    // A hint the interviewer released, pushed to both peers.
    provider.messageHandlers[ROOM_HINT_MESSAGE_TYPE] = (_encoder, decoder) => {
      try {
        this.receiveHints([releasedHintSchema.parse(JSON.parse(decoding.readVarString(decoder)))]);
      } catch (error) {
        console.warn('Ignored a malformed hint message', error);
      }
    };

    // The other participant's call signal, stamped by the server: kept as
    // "is the peer in the call" for the page, and handed to the call if one is open.
    provider.messageHandlers[ROOM_CALL_SIGNAL_MESSAGE_TYPE] = (_encoder, decoder) => {
      const envelope = decodeCallSignal(decoder);
      if (!envelope) return;
      this.update({ peerCallJoin: peerInCallAfter(this.snapshot.peerCallJoin, envelope.signal) });
      for (const listener of this.callListeners) listener(envelope);
    };

    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') this.everConnected = true;
      if (!provider.shouldConnect) return this.update({ connection: 'stopped' });
      const connection = status === 'connected' ? 'connected' : this.everConnected ? 'reconnecting' : 'connecting';
      const connections = connection === 'connected' && this.snapshot.connection !== 'connected' ? this.snapshot.connections + 1 : this.snapshot.connections;
      this.update({ connection, connections });
    };
    const onConnectionClose = (event: { code: number } | null) => {
      // The server revoked the token (sign-out elsewhere, password or role change): however young, it is refused.
      const fresh = event?.code === WEBSOCKET_CLOSE_CODES.tokenRevoked;
      // Emitted before y-websocket clears `provider.ws`: act after it, never re-entering disconnect().
      void Promise.resolve().then(async () => {
        if (this.destroyed || !provider.shouldConnect) return;
        if (this.over) {
          // The room is read-only and final: nothing to reconnect for.
          provider.disconnect();
          this.update({ connection: 'stopped' });
          return;
        }
        await this.refreshProtocols(fresh);
      });
    };
    const onSync = (synced: boolean) => {
      if (synced) this.update({ synced: true });
    };
    const onClosed = (event: { code: number; reason: string }) => {
      this.update({ refused: event, connection: 'stopped' });
      // An expired token refused by code: one more try with a fresh one.
      if (event.code === 4401) void this.refreshProtocols().then((ok) => ok && provider.connect());
    };
    const onMeta = () =>
      this.update({
        language: readLanguage(parts.meta),
        round2Language: readLanguage(parts.meta, 'round2Language'),
        documentRound: readDocumentRound(parts.meta),
        endedBy: readEndedBy(parts.meta),
      });
    const onChat = () => this.update({ chat: readChatMessages(parts.chat.toArray()) });
    const onAwareness = () => {
      const peers = remotePeers(provider.awareness.getStates(), this.doc.clientID);
      const fresh = peers.filter((peer) => !this.snapshot.everSeen.has(peer.userId));
      this.update({
        peers: samePeers(peers, this.snapshot.peers) ? this.snapshot.peers : peers,
        everSeen: fresh.length > 0 ? new Set([...this.snapshot.everSeen, ...fresh.map((peer) => peer.userId)]) : this.snapshot.everSeen,
      });
    };

    provider.on('status', onStatus);
    provider.on('connection-close', onConnectionClose);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    parts.meta.observe(onMeta);
    parts.chat.observe(onChat);
    provider.awareness.on('change', onAwareness);
    this.cleanups.push(
      () => provider.off('status', onStatus),
      () => provider.off('connection-close', onConnectionClose),
      () => provider.off('sync', onSync),
      () => provider.off('closed', onClosed),
      () => parts.meta.unobserve(onMeta),
      () => parts.chat.unobserve(onChat),
      () => provider.awareness.off('change', onAwareness),
    );
  }

  private update(patch: Partial<RoomSessionSnapshot>): void {
    if (this.destroyed) return;
    const changed = (Object.keys(patch) as (keyof RoomSessionSnapshot)[]).some((key) => patch[key] !== this.snapshot[key]);
    if (!changed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
