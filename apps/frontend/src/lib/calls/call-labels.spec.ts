import { callStateLabel } from './call-labels';
import { isPolitePeer } from './call-session';
import { peerInCallAfter } from './call-signals';

describe('the call as the page says it', () => {
  it('names every state in words, the partner where it helps', () => {
    expect(callStateLabel(null, 'Ada')).toBe('Not started');
    expect(callStateLabel({ state: 'connecting', waitingForPeer: true, endReason: null }, 'Ada')).toBe('Connecting… waiting for Ada to join');
    expect(callStateLabel({ state: 'connecting', waitingForPeer: false, endReason: null }, 'Ada')).toBe('Connecting…');
    expect(callStateLabel({ state: 'connected', waitingForPeer: false, endReason: null }, 'Ada')).toBe('Connected');
    expect(callStateLabel({ state: 'reconnecting', waitingForPeer: false, endReason: null }, 'Ada')).toBe('Reconnecting…');
    expect(callStateLabel({ state: 'ended', waitingForPeer: false, endReason: 'sessionEnded' }, 'Ada')).toBe('Call ended: the session ended.');
    expect(callStateLabel({ state: 'ended', waitingForPeer: false, endReason: 'peerHungUp' }, 'Ada')).toBe('Call ended: Ada left the call.');
  });
});

describe('who gives way in a negotiation', () => {
  it('is decided the same on both sides: the lower user id is polite', () => {
    const [a, b] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    expect(isPolitePeer(a, b)).toBe(true);
    expect(isPolitePeer(b, a)).toBe(false);
  });
});

describe('whether the partner is in the call', () => {
  it('follows their join or presence, and their hangup of that join only', () => {
    expect(peerInCallAfter(null, { kind: 'join', joinId: 'join-0001' })).toBe('join-0001');
    expect(peerInCallAfter(null, { kind: 'present', joinId: 'join-0002' })).toBe('join-0002');
    expect(peerInCallAfter('join-0002', { kind: 'hangup', joinId: 'join-0001' })).toBe('join-0002');
    expect(peerInCallAfter('join-0002', { kind: 'hangup', joinId: 'join-0002' })).toBeNull();
    expect(peerInCallAfter('join-0002', { kind: 'candidate', joinId: 'join-0002', candidate: { candidate: '' } })).toBe('join-0002');
  });
});
