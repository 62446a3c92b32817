import { callSignalEnvelopeSchema, callSignalSchema, iceServersViewSchema } from './calls';

const alice = '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44';

describe('callSignalSchema', () => {
  it('takes each kind a page sends', () => {
    for (const signal of [
      { kind: 'join', joinId: 'join-0001' },
      { kind: 'present', joinId: 'join-0001' },
      { kind: 'description', joinId: 'join-0001', description: { type: 'offer', sdp: 'v=0\r\n' } },
      { kind: 'description', joinId: 'join-0001', description: { type: 'answer', sdp: 'v=0\r\n' } },
      { kind: 'candidate', joinId: 'join-0001', candidate: { candidate: 'candidate:1 1 udp 1 192.0.2.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' } },
      { kind: 'candidate', joinId: 'join-0001', candidate: { candidate: '' } },
      { kind: 'hangup', joinId: 'join-0001' },
    ]) {
      expect(callSignalSchema.parse(signal)).toEqual(signal);
    }
  });

  it('refuses unknown kinds, extra fields (a forged sender), rollbacks and bad join ids', () => {
    expect(callSignalSchema.safeParse({ kind: 'ring', joinId: 'join-0001' }).success).toBe(false);
    expect(callSignalSchema.safeParse({ kind: 'hangup', joinId: 'join-0001', from: alice }).success).toBe(false);
    expect(callSignalSchema.safeParse({ kind: 'description', joinId: 'join-0001', description: { type: 'rollback', sdp: '' } }).success).toBe(false);
    expect(callSignalSchema.safeParse({ kind: 'join', joinId: 'short' }).success).toBe(false);
    expect(callSignalSchema.safeParse({ kind: 'join', joinId: 'has spaces in it' }).success).toBe(false);
  });

  it('wraps a signal in an envelope naming its sender', () => {
    expect(callSignalEnvelopeSchema.safeParse({ from: alice, signal: { kind: 'join', joinId: 'join-0001' } }).success).toBe(true);
    expect(callSignalEnvelopeSchema.safeParse({ from: 'someone', signal: { kind: 'join', joinId: 'join-0001' } }).success).toBe(false);
  });
});

describe('iceServersViewSchema', () => {
  it('takes TURN and STUN URLs and no others', () => {
    const expiresAt = '2026-12-05T11:00:00.000Z';
    expect(iceServersViewSchema.safeParse({ iceServers: [{ urls: ['turn:a:3478', 'turns:a:5349', 'stun:a:3478'], username: '1:x', credential: 'y' }], expiresAt }).success).toBe(true);
    expect(iceServersViewSchema.safeParse({ iceServers: [], expiresAt }).success).toBe(true);
    expect(iceServersViewSchema.safeParse({ iceServers: [{ urls: ['http://a'] }], expiresAt }).success).toBe(false);
  });
});
