import type { CallSignal, CallSignalEnvelope } from '@peerprep/contracts';
import { CallSession, CREDENTIAL_RENEW_MARGIN_MS, JOIN_REPEAT_MS, STALL_RESTART_MS } from './call-session';

/** A media track as far as the call sees one. */
class FakeTrack {
  enabled = true;
  stopped = false;
  readyState = 'live';
  muted = false;
  constructor(
    readonly kind: 'audio' | 'video',
    readonly deviceId: string,
  ) {}
  stop() {
    this.stopped = true;
  }
  getSettings() {
    return { deviceId: this.deviceId };
  }
  /** The call listens for mute and unmute of the partner's tracks; these fakes never change. */
  addEventListener(): void {
    return undefined;
  }
}

class FakeMediaStream {
  private readonly tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks = () => [...this.tracks];
  getAudioTracks = () => this.tracks.filter((track) => track.kind === 'audio');
  getVideoTracks = () => this.tracks.filter((track) => track.kind === 'video');
  addTrack = (track: FakeTrack) => void this.tracks.push(track);
  removeTrack = (track: FakeTrack) => void this.tracks.splice(this.tracks.indexOf(track), 1);
}

/** RTCPeerConnection's signalling state machine, without any media. */
class FakePeerConnection {
  static instances: FakePeerConnection[] = [];
  signalingState: RTCSignalingState = 'stable';
  connectionState: RTCPeerConnectionState = 'new';
  localDescription: { type: RTCSdpType; sdp: string } | null = null;
  remoteDescriptions: RTCSessionDescriptionInit[] = [];
  senders: { track: FakeTrack; replaceTrack: jest.Mock }[] = [];
  candidates: unknown[] = [];
  restarts = 0;
  closed = false;
  onnegotiationneeded: (() => Promise<void>) | null = null;
  onicecandidate: ((event: { candidate: unknown }) => void) | null = null;
  ontrack: ((event: { track: FakeTrack }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;

  constructor(public config: RTCConfiguration) {
    FakePeerConnection.instances.push(this);
  }
  addTrack(track: FakeTrack) {
    const sender = { track, replaceTrack: jest.fn(async () => undefined) };
    this.senders.push(sender);
    return sender;
  }
  removeTrack(sender: unknown) {
    this.senders = this.senders.filter((candidate) => candidate !== sender);
  }
  async setLocalDescription() {
    if (this.signalingState === 'have-remote-offer') {
      this.localDescription = { type: 'answer', sdp: 'answer-sdp' };
      this.signalingState = 'stable';
    } else {
      this.localDescription = { type: 'offer', sdp: 'offer-sdp' };
      this.signalingState = 'have-local-offer';
    }
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remoteDescriptions.push(description);
    // An offer over a pending local one: the implicit rollback a polite peer relies on.
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }
  async addIceCandidate(candidate: unknown) {
    this.candidates.push(candidate);
  }
  restartIce() {
    this.restarts += 1;
  }
  getConfiguration() {
    return this.config;
  }
  setConfiguration(config: RTCConfiguration) {
    this.config = config;
  }
  close() {
    this.closed = true;
  }
  /** The browser reports a new connection state. */
  becomes(state: RTCPeerConnectionState) {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }
}

const low = '11111111-1111-4111-8111-111111111111';
const high = '22222222-2222-4222-8222-222222222222';
const stranger = '33333333-3333-4333-8333-333333333333';
const turn = [{ urls: ['turn:turn.test:3478?transport=udp'], username: '1:x', credential: 'y' }];

const flush = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

const TTL_MS = 3600_000;

function makeCall(selfId: string, peerId: string, microphone: () => Promise<FakeMediaStream> = async () => new FakeMediaStream([new FakeTrack('audio', 'mic-1')])) {
  const sent: CallSignal[] = [];
  let fetches = 0;
  let deliver: (envelope: CallSignalEnvelope) => void = () => undefined;
  let joins = 0;
  const getUserMedia = jest.fn(microphone);
  const call = new CallSession({
    selfId,
    peerId,
    send: (signal) => {
      sent.push(signal);
      return true;
    },
    subscribe: (listener) => {
      deliver = listener;
      return () => (deliver = () => undefined);
    },
    iceServers: async () => {
      fetches += 1;
      return { iceServers: turn.map((server) => ({ ...server, username: `${fetches}:x` })), expiresAt: new Date(Date.now() + TTL_MS).toISOString() };
    },
    media: {
      getUserMedia: getUserMedia as unknown as MediaDevices['getUserMedia'],
      enumerateDevices: async () => [{ kind: 'audioinput', deviceId: 'mic-1', label: 'Fake mic', groupId: '', toJSON: () => ({}) }] as MediaDeviceInfo[],
    },
    PeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
    // join-<id>, then join-<id>-2, … when a stalled pairing starts over.
    newJoinId: () => {
      joins += 1;
      return joins === 1 ? `join-${selfId.slice(0, 8)}` : `join-${selfId.slice(0, 8)}-${joins}`;
    },
  });
  return { call, sent, getUserMedia, receive: (from: string, signal: CallSignal) => deliver({ from, signal }), fetches: () => fetches };
}

beforeAll(() => {
  (globalThis as { MediaStream?: unknown }).MediaStream = FakeMediaStream;
});

beforeEach(() => {
  FakePeerConnection.instances = [];
  jest.useFakeTimers();
});

afterEach(() => jest.useRealTimers());

describe('CallSession', () => {
  it('asks for the microphone alone, joins, and says so again until the partner answers', async () => {
    const { call, sent, getUserMedia } = makeCall(low, high);
    await call.start();
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true, video: false });
    expect(sent).toEqual([{ kind: 'join', joinId: 'join-11111111' }]);
    expect(call.getSnapshot()).toMatchObject({ state: 'connecting', waitingForPeer: true, microphoneId: 'mic-1' });
    jest.advanceTimersByTime(JOIN_REPEAT_MS);
    expect(sent).toHaveLength(2);
    call.end();
  });

  it('answers the partner\'s join, pairs with it over the room\'s ICE servers, and ignores anyone else\'s signals', async () => {
    const { call, sent, receive } = makeCall(low, high);
    await call.start();
    receive(stranger, { kind: 'join', joinId: 'join-stranger' });
    await flush();
    expect(FakePeerConnection.instances).toHaveLength(0);

    receive(high, { kind: 'join', joinId: 'join-high' });
    await flush();
    expect(sent.at(-1)).toEqual({ kind: 'present', joinId: 'join-11111111' });
    const [pc] = FakePeerConnection.instances;
    expect(pc.config).toEqual({ iceServers: [{ ...turn[0], username: '1:x' }] });
    expect(pc.senders.map((sender) => sender.track.kind)).toEqual(['audio']);
    expect(call.getSnapshot()).toMatchObject({ state: 'connecting', waitingForPeer: false });
    // Paired: the join is not repeated.
    const count = sent.length;
    jest.advanceTimersByTime(JOIN_REPEAT_MS * 2);
    expect(sent).toHaveLength(count);
    call.end();
  });

  it('negotiates perfectly: the impolite peer ignores a colliding offer, the polite one gives way and answers', async () => {
    for (const [selfId, peerId, polite] of [
      [low, high, true],
      [high, low, false],
    ] as const) {
      FakePeerConnection.instances = [];
      const { call, sent, receive } = makeCall(selfId, peerId);
      await call.start();
      receive(peerId, { kind: 'present', joinId: 'join-peer' });
      await flush();
      const [pc] = FakePeerConnection.instances;
      // Both sides offer at once.
      void pc.onnegotiationneeded?.();
      await flush();
      expect(sent.at(-1)).toEqual({ kind: 'description', joinId: `join-${selfId.slice(0, 8)}`, description: { type: 'offer', sdp: 'offer-sdp' } });
      receive(peerId, { kind: 'description', joinId: 'join-peer', description: { type: 'offer', sdp: 'their-offer' } });
      await flush();
      if (polite) {
        expect(pc.remoteDescriptions).toEqual([{ type: 'offer', sdp: 'their-offer' }]);
        expect(sent.at(-1)).toMatchObject({ kind: 'description', description: { type: 'answer' } });
      } else {
        expect(pc.remoteDescriptions).toEqual([]);
        expect(sent.at(-1)).toMatchObject({ kind: 'description', description: { type: 'offer' } });
      }
      // A description of an older join of the partner's changes nothing.
      receive(peerId, { kind: 'description', joinId: 'join-older', description: { type: 'answer', sdp: 'stale' } });
      await flush();
      expect(pc.remoteDescriptions.some((description) => description.sdp === 'stale')).toBe(false);
      call.end();
    }
  });

  it('shows connected, then reconnecting when the path drops, restarting ICE when it failed', async () => {
    const { call, receive } = makeCall(low, high);
    await call.start();
    receive(high, { kind: 'present', joinId: 'join-high' });
    await flush();
    const [pc] = FakePeerConnection.instances;
    pc.becomes('connected');
    expect(call.getSnapshot().state).toBe('connected');
    pc.becomes('disconnected');
    expect(call.getSnapshot().state).toBe('reconnecting');
    pc.becomes('failed');
    expect(pc.restarts).toBe(1);
    pc.becomes('connected');
    expect(call.getSnapshot().state).toBe('connected');
    call.end();
  });

  it('starts a pairing that never connects over: the impolite page joins again under a fresh join, the polite one waits', async () => {
    const impolite = makeCall(high, low);
    await impolite.call.start();
    impolite.receive(low, { kind: 'present', joinId: 'join-low' });
    await flush();
    const [stalled] = FakePeerConnection.instances;
    jest.advanceTimersByTime(STALL_RESTART_MS - 1);
    expect(stalled.closed).toBe(false);
    jest.advanceTimersByTime(1);
    expect(stalled.closed).toBe(true);
    expect(impolite.sent.at(-1)).toEqual({ kind: 'join', joinId: 'join-22222222-2' });
    expect(impolite.call.getSnapshot()).toMatchObject({ state: 'connecting', waitingForPeer: true });
    // The partner pairs with the fresh join; signals of the old pairing are gone with it.
    impolite.receive(low, { kind: 'present', joinId: 'join-low' });
    await flush();
    expect(FakePeerConnection.instances).toHaveLength(2);
    FakePeerConnection.instances[1].becomes('connected');
    jest.advanceTimersByTime(STALL_RESTART_MS * 2);
    expect(FakePeerConnection.instances).toHaveLength(2);
    expect(impolite.call.getSnapshot().state).toBe('connected');
    impolite.call.end();

    FakePeerConnection.instances = [];
    const polite = makeCall(low, high);
    await polite.call.start();
    polite.receive(high, { kind: 'present', joinId: 'join-high' });
    await flush();
    jest.advanceTimersByTime(STALL_RESTART_MS * 2);
    expect(FakePeerConnection.instances[0].closed).toBe(false);
    polite.call.end();
  });

  it('renews the TURN credential before it expires, restarting ICE with it so a long relayed call keeps its relay', async () => {
    const { call, receive, fetches } = makeCall(low, high);
    await call.start();
    receive(high, { kind: 'present', joinId: 'join-high' });
    await flush();
    const [pc] = FakePeerConnection.instances;
    jest.advanceTimersByTime(TTL_MS - CREDENTIAL_RENEW_MARGIN_MS - 1000);
    await flush();
    expect(fetches()).toBe(1);
    jest.advanceTimersByTime(1000);
    await flush();
    expect(fetches()).toBe(2);
    expect(pc.config.iceServers).toEqual([{ ...turn[0], username: '2:x' }]);
    expect(pc.restarts).toBe(1);
    call.end();
    jest.advanceTimersByTime(TTL_MS * 2);
    await flush();
    expect(fetches()).toBe(2);
  });

  it('mutes by disabling the microphone track', async () => {
    const { call } = makeCall(low, high);
    await call.start();
    call.setMuted(true);
    expect(call.getSnapshot().localStream?.getAudioTracks().map((track) => track.enabled)).toEqual([false]);
    expect(call.getSnapshot().muted).toBe(true);
    call.setMuted(false);
    expect(call.getSnapshot().localStream?.getAudioTracks().map((track) => track.enabled)).toEqual([true]);
    call.end();
  });

  it('ends when the paired partner hangs up (not an older page of theirs), releasing the microphone without answering', async () => {
    const { call, sent, receive } = makeCall(low, high);
    await call.start();
    receive(high, { kind: 'join', joinId: 'join-high-2' });
    await flush();
    receive(high, { kind: 'hangup', joinId: 'join-high-1' });
    await flush();
    expect(call.getSnapshot().state).toBe('connecting');

    const count = sent.length;
    receive(high, { kind: 'hangup', joinId: 'join-high-2' });
    await flush();
    expect(call.getSnapshot()).toMatchObject({ state: 'ended', endReason: 'peerHungUp' });
    expect(call.getSnapshot().localStream?.getTracks().every((track) => (track as unknown as FakeTrack).stopped)).toBe(true);
    expect(FakePeerConnection.instances[0].closed).toBe(true);
    expect(sent).toHaveLength(count);
  });

  it('hangs up: tells the partner, closes the connection and stops the microphone', async () => {
    const { call, sent, receive } = makeCall(low, high);
    await call.start();
    receive(high, { kind: 'present', joinId: 'join-high' });
    await flush();
    call.end('sessionEnded');
    expect(sent.at(-1)).toEqual({ kind: 'hangup', joinId: 'join-11111111' });
    expect(call.getSnapshot()).toMatchObject({ state: 'ended', endReason: 'sessionEnded' });
    expect(FakePeerConnection.instances[0].closed).toBe(true);
    expect((call.getSnapshot().localStream?.getTracks()[0] as unknown as FakeTrack).stopped).toBe(true);
  });

  it('ends at once, joining nothing, when the microphone is refused', async () => {
    const { call, sent } = makeCall(low, high, async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    await call.start();
    expect(call.getSnapshot()).toMatchObject({ state: 'ended', endReason: 'noMicrophone' });
    expect(sent).toEqual([]);
  });
});
