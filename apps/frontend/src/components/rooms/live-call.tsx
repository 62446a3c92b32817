'use client';

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { callStateLabel } from '../../lib/calls/call-labels';
import { CallSession, type CallSnapshot, type MediaDeviceChoice } from '../../lib/calls/call-session';
import { fetchIceServers } from '../../lib/rooms/room-api';
import type { RoomSession } from '../../lib/rooms/room-session';
import { useAuth } from '../auth/auth-provider';

/** How long the partner may be gone from the room (a reload, a dropped socket) before the call ends. */
const PEER_GONE_MS = 10_000;

const noSubscription = () => () => undefined;
const nothing = () => null;

/** A ref that makes a <video>/<audio> show a MediaStream (srcObject has no attribute), whenever the element mounts. */
function useStream(stream: MediaStream | null) {
  return useCallback(
    (element: HTMLMediaElement | null) => {
      if (element && element.srcObject !== stream) element.srcObject = stream;
    },
    [stream],
  );
}

function DeviceSelect({
  label,
  testId,
  devices,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  devices: readonly MediaDeviceChoice[];
  value: string | null;
  onChange(deviceId: string): void;
}) {
  if (devices.length === 0) return null;
  return (
    <TextField
      select
      label={label}
      size="small"
      value={value ?? devices[0].deviceId}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': testId } }}
      className="min-w-0 flex-1 basis-44"
    >
      {devices.map((device) => (
        <option key={device.deviceId} value={device.deviceId}>
          {device.label}
        </option>
      ))}
    </TextField>
  );
}

function CallMedia({ call }: { call: CallSnapshot }) {
  const remoteAudio = useStream(call.remoteStream);
  const remoteVideo = useStream(call.remoteStream);
  const localVideo = useStream(call.cameraOn ? call.localStream : null);
  return (
    <>
      {/* The partner's voice; video elements stay muted so nothing plays twice. */}
      <audio ref={remoteAudio} autoPlay data-testid="call-remote-audio" />
      {call.remoteVideo || call.cameraOn ? (
        <div className="relative overflow-hidden rounded-xl bg-black">
          <video
            ref={remoteVideo}
            autoPlay
            playsInline
            muted
            aria-label="Your partner's camera"
            data-testid="call-remote-video"
            className={call.remoteVideo ? 'block aspect-video w-full' : 'hidden'}
          />
          {call.cameraOn ? (
            <video
              ref={localVideo}
              autoPlay
              playsInline
              muted
              aria-label="Your camera"
              data-testid="call-local-video"
              className={call.remoteVideo ? 'absolute bottom-2 right-2 w-1/4 rounded-lg border border-white' : 'block aspect-video w-full'}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export interface LiveCallProps {
  roomId: string;
  session: RoomSession;
  selfId: string;
  peer: { id: string; name: string };
  peerOnline: boolean;
  sessionEnded: boolean;
  onCallAgain(): void;
}

/**
 * An open call: created on mount (the browser asks for the microphone now,
 * after the user's click), ended on unmount, when the session ends, or when
 * the partner has been gone from the room for PEER_GONE_MS.
 */
export function LiveCall({ roomId, session, selfId, peer, peerOnline, sessionEnded, onCallAgain }: LiveCallProps) {
  const { request } = useAuth();
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  }, [request]);
  const [call, setCall] = useState<CallSession | null>(null);

  useEffect(() => {
    const opened = new CallSession({
      selfId,
      peerId: peer.id,
      send: (signal) => session.sendCallSignal(signal),
      subscribe: (listener) => session.onCallSignal(listener),
      iceServers: () => fetchIceServers(requestRef.current, roomId),
      media: navigator.mediaDevices,
    });
    setCall(opened);
    void opened.start();
    // Closing the tab: tell the partner now rather than leave them reconnecting.
    const leave = () => opened.end();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      opened.end();
    };
  }, [roomId, session, selfId, peer.id]);

  useEffect(() => {
    if (sessionEnded) call?.end('sessionEnded');
  }, [sessionEnded, call]);

  useEffect(() => {
    if (peerOnline || !call) return;
    const timer = setTimeout(() => call.end('peerLeft'), PEER_GONE_MS);
    return () => clearTimeout(timer);
  }, [peerOnline, call]);

  const snapshot = useSyncExternalStore(call?.subscribe ?? noSubscription, call?.getSnapshot ?? nothing, nothing);
  if (!call || !snapshot) {
    return (
      <p role="status" data-testid="call-state" data-state="loading" className="m-0 text-sm text-muted">
        Starting the call…
      </p>
    );
  }
  const ended = snapshot.state === 'ended';

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" data-testid="call-state" data-state={snapshot.state} className="m-0 min-w-0 flex-1 text-sm font-semibold">
          {callStateLabel(snapshot, peer.name)}
          {!ended && snapshot.muted ? <span data-testid="call-muted"> · You are muted</span> : null}
          {!ended && snapshot.cameraOn ? ' · Your camera is on' : null}
        </p>
        {ended ? (
          <Button variant="contained" data-testid="call-again" disabled={sessionEnded} onClick={onCallAgain}>
            Call again
          </Button>
        ) : null}
      </div>
      {ended ? null : (
        <>
          <div className="flex flex-wrap gap-2">
            <Button variant="outlined" data-testid="call-mute" aria-pressed={snapshot.muted} onClick={() => call.setMuted(!snapshot.muted)}>
              {snapshot.muted ? 'Unmute' : 'Mute'}
            </Button>
            <Button variant="outlined" data-testid="call-camera" aria-pressed={snapshot.cameraOn} onClick={() => void call.setCamera(!snapshot.cameraOn)}>
              {snapshot.cameraOn ? 'Camera off' : 'Camera on'}
            </Button>
            <Button variant="outlined" color="error" data-testid="call-leave" onClick={() => call.end()}>
              Leave call
            </Button>
          </div>
          <div className="flex flex-wrap gap-3">
            <DeviceSelect
              label="Microphone"
              testId="call-microphone"
              devices={snapshot.microphones}
              value={snapshot.microphoneId}
              onChange={(deviceId) => void call.chooseDevice('audioinput', deviceId)}
            />
            <DeviceSelect
              label="Camera"
              testId="call-camera-device"
              devices={snapshot.cameras}
              value={snapshot.cameraId}
              onChange={(deviceId) => void call.chooseDevice('videoinput', deviceId)}
            />
          </div>
          {snapshot.problem ? (
            <Alert severity="warning" role="alert">
              {snapshot.problem}
            </Alert>
          ) : null}
          <CallMedia call={snapshot} />
        </>
      )}
    </div>
  );
}
