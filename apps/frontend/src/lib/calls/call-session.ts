import type { CallSignal, CallSignalEnvelope, IceServer, IceServersView } from '@peerprep/contracts';

/**
 * Where a call is, once the user opened it (before that the page shows "not
 * started"): `connecting` until media first flows (waiting for the partner
 * to join, then negotiating), `connected`, `reconnecting` when the path
 * dropped (the browsers look for another: an ICE restart), `ended`.
 */
export type CallState = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** Why a call ended. */
export type CallEndReason = 'hungUp' | 'peerHungUp' | 'peerLeft' | 'sessionEnded' | 'noMicrophone' | 'unavailable';

export interface MediaDeviceChoice {
  deviceId: string;
  label: string;
}

export interface CallSnapshot {
  readonly state: CallState;
  /** Connecting, and the partner's page has not joined the call yet. */
  readonly waitingForPeer: boolean;
  readonly endReason: CallEndReason | null;
  readonly muted: boolean;
  readonly cameraOn: boolean;
  /** This page's microphone (and camera, when on). */
  readonly localStream: MediaStream | null;
  /** What the partner sends: audio, and video while their camera is on. */
  readonly remoteStream: MediaStream | null;
  readonly remoteVideo: boolean;
  /** Listed once the microphone permission is granted (before that browsers hide the labels). */
  readonly microphones: readonly MediaDeviceChoice[];
  readonly cameras: readonly MediaDeviceChoice[];
  readonly microphoneId: string | null;
  readonly cameraId: string | null;
  /** Something the user should know that did not end the call (the camera would not start). */
  readonly problem: string | null;
}

export interface CallSessionOptions {
  selfId: string;
  /** The other participant. */
  peerId: string;
  /** Sends a signal to the other participant over the room's socket; false when offline. */
  send(signal: CallSignal): boolean;
  /** The other participant's signals, until the returned function is called. */
  subscribe(listener: (envelope: CallSignalEnvelope) => void): () => void;
  /** The room's ICE servers (fresh TURN credentials, and when they expire; no server without TURN). */
  iceServers(): Promise<IceServersView>;
  media: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;
  /** The browser's RTCPeerConnection unless a test passes another. */
  PeerConnection?: typeof RTCPeerConnection;
  /** A fresh join id (random). */
  newJoinId?: () => string;
}

/** How often a page waiting for its partner says again that it joined: a signal sent while either socket was reconnecting is lost. */
export const JOIN_REPEAT_MS = 3000;

/**
 * A peer connection still not connected this long after pairing starts over:
 * the impolite page joins again under a fresh join id, as after a reload, and
 * both pair anew (a signal lost while a socket reconnected, or ICE checks that
 * stalled, would otherwise leave the call "Connecting…" for good).
 */
export const STALL_RESTART_MS = 10_000;

/** TURN credentials are renewed this long before they expire: coturn refuses an allocation's refresh with an expired one. */
export const CREDENTIAL_RENEW_MARGIN_MS = 60_000;

const INITIAL: CallSnapshot = {
  state: 'connecting',
  waitingForPeer: true,
  endReason: null,
  muted: false,
  cameraOn: false,
  localStream: null,
  remoteStream: null,
  remoteVideo: false,
  microphones: [],
  cameras: [],
  microphoneId: null,
  cameraId: null,
  problem: null,
};

/**
 * "Perfect negotiation" (W3C WebRTC, §10.7): either side may offer whenever
 * its tracks change; on a collision the polite peer gives way (rolls back)
 * and the impolite one ignores the other's offer. Who is polite is decided
 * the same way on both sides: the lower user id.
 */
export const isPolitePeer = (selfId: string, peerId: string): boolean => selfId < peerId;

const randomJoinId = () => crypto.randomUUID().replaceAll('-', '');

function deviceChoices(devices: readonly MediaDeviceInfo[], kind: MediaDeviceKind): MediaDeviceChoice[] {
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== '')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${kind === 'audioinput' ? 'Microphone' : 'Camera'} ${index + 1}` }));
}

/**
 * One page's side of the room's call: its microphone (and camera), one
 * RTCPeerConnection to the partner's page, and the signals between them over
 * the room's socket. Framework-free, like RoomSession: React reads it with
 * useSyncExternalStore. `start()` asks for the microphone; `end()` (or the
 * partner hanging up) releases everything.
 *
 * Signalling: each page that joins sends `join` (again every few seconds
 * until its partner answers); a page in the call answers `present`, and both
 * then make a peer connection for that pair of joins, whose tracks start the
 * negotiation. A new `join` from the partner (it reloaded) replaces the peer
 * connection; signals of an older join are ignored. A pairing that is not
 * connected within STALL_RESTART_MS is started over by the impolite page
 * with a fresh join (the same path as a reload).
 */
export class CallSession {
  private snapshot: CallSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  /** This page's join; a fresh one when a stalled pairing starts over. */
  private joinId: string;
  private readonly polite: boolean;
  private iceServers: IceServer[] = [];
  private peerJoinId: string | null = null;
  private pc: RTCPeerConnection | null = null;
  private audioSender: RTCRtpSender | null = null;
  private videoSender: RTCRtpSender | null = null;
  private makingOffer = false;
  private ignoreOffer = false;
  private everConnected = false;
  private joinTimer: ReturnType<typeof setInterval> | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | null = null;
  /** Incoming signals, handled one after another (each may await the peer connection). */
  private inbox: Promise<void> = Promise.resolve();

  constructor(private readonly options: CallSessionOptions) {
    this.joinId = (options.newJoinId ?? randomJoinId)();
    this.polite = isPolitePeer(options.selfId, options.peerId);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CallSnapshot => this.snapshot;

  /** Asks for the microphone (the browser's prompt), fetches the ICE servers, and joins. */
  async start(): Promise<void> {
    let stream: MediaStream;
    try {
      stream = await this.options.media.getUserMedia({ audio: true, video: false });
    } catch {
      this.finish('noMicrophone', false);
      return;
    }
    if (this.ended) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    const microphoneId = stream.getAudioTracks()[0]?.getSettings().deviceId ?? null;
    this.update({ localStream: stream, microphoneId });
    void this.listDevices();
    try {
      this.useIceServers(await this.options.iceServers());
    } catch {
      // The session ended meanwhile (409), or the API is unreachable: nothing to call over.
      this.finish('unavailable', false);
      return;
    }
    if (this.ended) return;
    this.unsubscribe = this.options.subscribe((envelope) => {
      if (envelope.from !== this.options.peerId) return;
      this.inbox = this.inbox.then(() => this.receive(envelope.signal)).catch((error: unknown) => console.warn('A call signal could not be applied', error));
    });
    this.announceJoin();
  }

  /** Hangs up: the partner's page ends the call too. */
  end(reason: CallEndReason = 'hungUp'): void {
    this.finish(reason, true);
  }

  setMuted(muted: boolean): void {
    for (const track of this.snapshot.localStream?.getAudioTracks() ?? []) track.enabled = !muted;
    this.update({ muted });
  }

  /** Turns the camera on (asking for it the first time) or off; the partner sees it within a renegotiation. */
  async setCamera(on: boolean): Promise<void> {
    const stream = this.snapshot.localStream;
    if (!stream || this.ended || on === this.snapshot.cameraOn) return;
    if (!on) {
      for (const track of stream.getVideoTracks()) {
        track.stop();
        stream.removeTrack(track);
      }
      if (this.videoSender && this.pc) this.pc.removeTrack(this.videoSender);
      this.videoSender = null;
      this.update({ cameraOn: false, localStream: stream });
      return;
    }
    let track: MediaStreamTrack | undefined;
    try {
      const camera = await this.options.media.getUserMedia({ video: this.snapshot.cameraId ? { deviceId: { exact: this.snapshot.cameraId } } : true });
      track = camera.getVideoTracks()[0];
    } catch {
      this.update({ problem: 'The camera could not be started (permission denied, or it is in use).' });
      return;
    }
    if (!track || this.ended) {
      track?.stop();
      return;
    }
    stream.addTrack(track);
    if (this.pc) this.videoSender = this.pc.addTrack(track, stream);
    this.update({ cameraOn: true, cameraId: track.getSettings().deviceId ?? this.snapshot.cameraId, localStream: stream, problem: null });
    void this.listDevices();
  }

  /** Switches to another microphone (or camera) without renegotiating: the sender's track is replaced. */
  async chooseDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void> {
    const stream = this.snapshot.localStream;
    if (!stream || this.ended) return;
    if (kind === 'videoinput' && !this.snapshot.cameraOn) {
      this.update({ cameraId: deviceId });
      return;
    }
    let track: MediaStreamTrack | undefined;
    try {
      const fresh = await this.options.media.getUserMedia(kind === 'audioinput' ? { audio: { deviceId: { exact: deviceId } } } : { video: { deviceId: { exact: deviceId } } });
      track = kind === 'audioinput' ? fresh.getAudioTracks()[0] : fresh.getVideoTracks()[0];
    } catch {
      this.update({ problem: `That ${kind === 'audioinput' ? 'microphone' : 'camera'} could not be started.` });
      return;
    }
    if (!track || this.ended) {
      track?.stop();
      return;
    }
    const old = kind === 'audioinput' ? stream.getAudioTracks() : stream.getVideoTracks();
    if (kind === 'audioinput') track.enabled = !this.snapshot.muted;
    await (kind === 'audioinput' ? this.audioSender : this.videoSender)?.replaceTrack(track);
    for (const previous of old) {
      previous.stop();
      stream.removeTrack(previous);
    }
    stream.addTrack(track);
    this.update(kind === 'audioinput' ? { microphoneId: deviceId, localStream: stream, problem: null } : { cameraId: deviceId, localStream: stream, problem: null });
  }

  private get ended(): boolean {
    return this.snapshot.state === 'ended';
  }

  /**
   * Takes the room's ICE servers, and renews their TURN credentials before
   * they expire: the peer connection gets the new ones and restarts ICE, so
   * a call relayed for longer than a credential lives keeps its relay.
   */
  private useIceServers({ iceServers, expiresAt }: IceServersView): void {
    this.iceServers = iceServers;
    clearTimeout(this.renewTimer);
    // Without a TURN server there is nothing to renew.
    if (iceServers.length === 0) return;
    const renewIn = Math.max(new Date(expiresAt).getTime() - Date.now() - CREDENTIAL_RENEW_MARGIN_MS, CREDENTIAL_RENEW_MARGIN_MS);
    this.renewTimer = setTimeout(() => {
      this.options.iceServers().then(
        (fresh) => {
          if (this.ended) return;
          this.useIceServers(fresh);
          if (!this.pc) return;
          this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers: this.iceServers });
          this.pc.restartIce();
        },
        // The session ended (409) or the API is away: the call goes on until its credential lapses.
        () => undefined,
      );
    }, renewIn);
  }

  private announceJoin(): void {
    this.options.send({ kind: 'join', joinId: this.joinId });
    this.joinTimer = setInterval(() => {
      if (this.snapshot.waitingForPeer && !this.ended) this.options.send({ kind: 'join', joinId: this.joinId });
    }, JOIN_REPEAT_MS);
  }

  private async receive(signal: CallSignal): Promise<void> {
    if (this.ended) return;
    switch (signal.kind) {
      case 'join':
        // The partner (re)joined: answer, and start over with it unless this is the join already paired.
        this.options.send({ kind: 'present', joinId: this.joinId });
        if (this.pc && this.peerJoinId === signal.joinId) return;
        this.pair(signal.joinId);
        return;
      case 'present':
        if (this.pc && this.peerJoinId === signal.joinId) return;
        this.pair(signal.joinId);
        return;
      case 'hangup':
        // Only the join this page is paired with: an older page of the partner's hanging up late changes nothing.
        if (signal.joinId === this.peerJoinId) this.finish('peerHungUp', false);
        return;
      case 'description':
        if (signal.joinId === this.peerJoinId && this.pc) await this.receiveDescription(this.pc, signal.description);
        return;
      case 'candidate':
        if (signal.joinId !== this.peerJoinId || !this.pc) return;
        try {
          await this.pc.addIceCandidate(signal.candidate);
        } catch (error) {
          // A candidate of an offer this side ignored (the collision it won) fails, harmlessly.
          if (!this.ignoreOffer) throw error;
        }
        return;
    }
  }

  /** The perfect-negotiation answer to a description. */
  private async receiveDescription(pc: RTCPeerConnection, description: RTCSessionDescriptionInit): Promise<void> {
    const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) return;
    // A polite peer's own pending offer is rolled back implicitly.
    await pc.setRemoteDescription(description);
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      this.sendDescription(pc);
    }
  }

  private sendDescription(pc: RTCPeerConnection): void {
    const local = pc.localDescription;
    if (!local || (local.type !== 'offer' && local.type !== 'answer')) return;
    this.options.send({ kind: 'description', joinId: this.joinId, description: { type: local.type, sdp: local.sdp } });
  }

  /** A fresh peer connection to the partner's join `peerJoinId`, with this page's tracks (which start the negotiation). */
  private pair(peerJoinId: string): void {
    this.closePeerConnection();
    this.peerJoinId = peerJoinId;
    const PeerConnection = this.options.PeerConnection ?? RTCPeerConnection;
    const pc = new PeerConnection({ iceServers: this.iceServers });
    this.pc = pc;
    this.makingOffer = false;
    this.ignoreOffer = false;
    const remote = new MediaStream();
    const stream = this.snapshot.localStream;
    for (const track of stream?.getTracks() ?? []) {
      const sender = pc.addTrack(track, stream as MediaStream);
      if (track.kind === 'audio') this.audioSender = sender;
      else this.videoSender = sender;
    }

    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (this.pc === pc) this.sendDescription(pc);
      } catch (error) {
        console.warn('Could not make a call offer', error);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || this.pc !== pc) return;
      const { sdpMid, sdpMLineIndex, usernameFragment } = candidate.toJSON();
      this.options.send({ kind: 'candidate', joinId: this.joinId, candidate: { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment } });
    };
    pc.ontrack = ({ track }) => {
      remote.addTrack(track);
      const refresh = () => this.update({ remoteVideo: remote.getVideoTracks().some((video) => video.readyState === 'live' && !video.muted) });
      track.addEventListener('mute', refresh);
      track.addEventListener('unmute', refresh);
      track.addEventListener('ended', refresh);
      this.update({ remoteStream: remote });
      refresh();
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc || this.ended) return;
      switch (pc.connectionState) {
        case 'connected':
          this.everConnected = true;
          clearTimeout(this.stallTimer);
          this.update({ state: 'connected' });
          return;
        case 'disconnected':
          this.update({ state: 'reconnecting' });
          return;
        case 'failed':
          // Look for another path (the network changed): an ICE restart, through the negotiation above.
          this.update({ state: 'reconnecting' });
          pc.restartIce();
          return;
        default:
          this.update({ state: this.everConnected ? 'reconnecting' : 'connecting' });
      }
    };
    this.update({ waitingForPeer: false, remoteStream: remote, remoteVideo: false, state: this.everConnected ? 'reconnecting' : 'connecting' });
    clearTimeout(this.stallTimer);
    // One side only, so the two pages never start over against each other.
    if (!this.polite) this.stallTimer = setTimeout(() => this.startOverIfStalled(pc), STALL_RESTART_MS);
  }

  private startOverIfStalled(pc: RTCPeerConnection): void {
    if (this.pc !== pc || this.ended || pc.connectionState === 'connected') return;
    this.closePeerConnection();
    this.peerJoinId = null;
    this.joinId = (this.options.newJoinId ?? randomJoinId)();
    this.update({ waitingForPeer: true, remoteStream: null, remoteVideo: false });
    clearInterval(this.joinTimer);
    this.announceJoin();
  }

  private closePeerConnection(): void {
    if (!this.pc) return;
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.onconnectionstatechange = null;
    this.pc.close();
    this.pc = null;
    this.audioSender = null;
    this.videoSender = null;
  }

  private finish(reason: CallEndReason, notifyPeer: boolean): void {
    if (this.ended) return;
    if (notifyPeer) this.options.send({ kind: 'hangup', joinId: this.joinId });
    clearInterval(this.joinTimer);
    clearTimeout(this.renewTimer);
    clearTimeout(this.stallTimer);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.closePeerConnection();
    for (const track of this.snapshot.localStream?.getTracks() ?? []) track.stop();
    this.update({ state: 'ended', endReason: reason, waitingForPeer: false, cameraOn: false, remoteVideo: false });
  }

  private async listDevices(): Promise<void> {
    try {
      const devices = await this.options.media.enumerateDevices();
      this.update({ microphones: deviceChoices(devices, 'audioinput'), cameras: deviceChoices(devices, 'videoinput') });
    } catch {
      // No list: the default devices stay in use.
    }
  }

  private update(patch: Partial<CallSnapshot>): void {
    const changed = (Object.keys(patch) as (keyof CallSnapshot)[]).some((key) => patch[key] !== this.snapshot[key]);
    if (!changed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
